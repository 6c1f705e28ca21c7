package dev.optoant.domain.convert;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Golden files under {@code src/test/resources/golden/<kind>/}: lists cases, reads inputs, and compares output with
 * the expected file exactly. On a mismatch the actual text goes to {@code target/golden-actual/<kind>/} and the
 * failure shows a line diff.
 */
final class GoldenText {
    private GoldenText() {
    }

    static List<String> cases(String kind, String inputSuffix) {
        try (Stream<Path> files = Files.list(directory(kind))) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(inputSuffix))
                    .map(name -> name.substring(0, name.length() - inputSuffix.length()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(String kind, String fileName) {
        try {
            return Files.readString(directory(kind).resolve(fileName), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void assertMatches(String kind, String fileName, String actual) {
        Path expectedFile = directory(kind).resolve(fileName);
        String expected = null;
        try {
            expected = Files.exists(expectedFile) ? Files.readString(expectedFile, StandardCharsets.UTF_8) : null;
            if (actual.equals(expected)) {
                return;
            }
            Path actualFile = Path.of("target", "golden-actual", kind, fileName);
            Files.createDirectories(actualFile.getParent());
            Files.writeString(actualFile, actual, StandardCharsets.UTF_8);
            throw new AssertionError(expected == null
                    ? "no expected file golden/" + kind + "/" + fileName + "; actual output written to " + actualFile
                    : "golden/" + kind + "/" + fileName + " differs (actual in " + actualFile + "):\n"
                            + diff(expected, actual));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A line diff from a longest common subsequence: {@code -} expected only, {@code +} actual only. */
    static String diff(String expected, String actual) {
        String[] a = expected.split("\n", -1);
        String[] b = actual.split("\n", -1);
        int[][] common = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                common[i][j] = a[i].equals(b[j]) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<String> lines = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                lines.add("  " + a[i++]);
                j++;
            } else if (j < b.length && (i == a.length || common[i][j + 1] >= common[i + 1][j])) {
                lines.add("+ " + b[j++]);
            } else {
                lines.add("- " + a[i++]);
            }
        }
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < lines.size(); k++) {
            if (nearChange(lines, k, 3)) {
                out.append(lines.get(k)).append('\n');
            } else if (k > 0 && nearChange(lines, k - 1, 3)) {
                out.append("  ...\n");
            }
        }
        return out.toString();
    }

    private static boolean nearChange(List<String> lines, int at, int context) {
        for (int k = Math.max(0, at - context); k <= Math.min(lines.size() - 1, at + context); k++) {
            if (!lines.get(k).startsWith("  ")) {
                return true;
            }
        }
        return false;
    }

    private static Path directory(String kind) {
        URL url = GoldenText.class.getResource("/golden/" + kind);
        if (url == null) {
            throw new IllegalStateException("no golden/" + kind + " on the test classpath");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
