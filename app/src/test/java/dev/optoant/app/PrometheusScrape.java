package dev.optoant.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One scrape of {@code /metrics/prometheus}, parsed by the Prometheus text format's grammar: every line is a
 * comment or {@code name{label="value",...} number}; a line that is neither fails the parse.
 */
record PrometheusScrape(String contentType, String body, List<Sample> samples) {
    private static final Pattern SAMPLE = Pattern.compile(
            "([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (-?[0-9.eE+-]+|NaN|[+-]Inf)");
    private static final Pattern LABEL = Pattern.compile(
            "([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\[\\\\\"n])*)\",?");

    /** One sample line. */
    record Sample(String name, Map<String, String> labels, double value) {
        boolean has(Map<String, String> wanted) {
            return labels.entrySet().containsAll(wanted.entrySet());
        }
    }

    static PrometheusScrape of(int adminPort) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + adminPort + GatewayMetrics.PATH))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return parse(response.headers().firstValue("Content-Type").orElse(""), response.body());
    }

    /** Scrapes until {@code until} holds (30 s at most) and returns the last scrape. */
    static PrometheusScrape await(int adminPort, Predicate<PrometheusScrape> until) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        PrometheusScrape scrape = of(adminPort);
        while (!until.test(scrape) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            scrape = of(adminPort);
        }
        return scrape;
    }

    static PrometheusScrape parse(String contentType, String body) {
        List<Sample> samples = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (line.isEmpty() || line.startsWith("# HELP ") || line.startsWith("# TYPE ")) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            assertThat(sample.matches()).as("a sample line: %s", line).isTrue();
            Map<String, String> labels = new LinkedHashMap<>();
            if (sample.group(2) != null) {
                Matcher label = LABEL.matcher(sample.group(2));
                int end = 0;
                while (label.find() && label.start() == end) {
                    labels.put(label.group(1), label.group(2));
                    end = label.end();
                }
                assertThat(end).as("labels of %s", line).isEqualTo(sample.group(2).length());
            }
            samples.add(new Sample(sample.group(1), labels, Double.parseDouble(
                    sample.group(3).replace("+Inf", "Infinity").replace("-Inf", "-Infinity"))));
        }
        return new PrometheusScrape(contentType, body, samples);
    }

    List<Sample> series(String name) {
        return samples.stream().filter(s -> s.name().equals(name)).toList();
    }

    /** The sum over the series of {@code name} whose labels include {@code labels}; 0 when there is none. */
    double sum(String name, Map<String, String> labels) {
        return series(name).stream().filter(s -> s.has(labels)).mapToDouble(Sample::value).sum();
    }

    /** The single series of {@code name} with exactly these labels, which must exist. */
    double value(String name, Map<String, String> labels) {
        List<Sample> matching = series(name).stream().filter(s -> s.labels().equals(labels)).toList();
        assertThat(matching).as("%s%s in the scrape", name, labels).hasSize(1);
        return matching.get(0).value();
    }
}
