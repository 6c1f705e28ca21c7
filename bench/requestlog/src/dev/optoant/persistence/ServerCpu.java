package dev.optoant.persistence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU time of one PostgreSQL server from /proc: the postmaster and its live children (backends, checkpointer, WAL
 * writer, ...) plus what its exited children used. Assumes 100 clock ticks a second, Linux's usual USER_HZ.
 */
final class ServerCpu {
    private static final long NANOS_PER_TICK = 10_000_000L;
    private final long postmaster;

    private ServerCpu(long postmaster) {
        this.postmaster = postmaster;
    }

    /** The server whose data directory this is (its pid is the first line of postmaster.pid). */
    static ServerCpu of(Path dataDirectory) throws IOException {
        return new ServerCpu(Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim()));
    }

    long cpuNanos() throws IOException {
        long ticks = 0;
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .toList()) {
                List<String> stat = stat(proc);
                if (stat.isEmpty()) {
                    continue;
                }
                long pid = Long.parseLong(proc.getFileName().toString());
                long parent = Long.parseLong(stat.get(1));
                if (pid == postmaster) {
                    ticks += Long.parseLong(stat.get(11)) + Long.parseLong(stat.get(12))
                            + Long.parseLong(stat.get(13)) + Long.parseLong(stat.get(14));
                } else if (parent == postmaster) {
                    ticks += Long.parseLong(stat.get(11)) + Long.parseLong(stat.get(12));
                }
            }
        }
        return ticks * NANOS_PER_TICK;
    }

    // The fields after "(comm)": state, ppid, ..., utime (index 11), stime, cutime, cstime.
    private static List<String> stat(Path proc) {
        try {
            String line = Files.readString(proc.resolve("stat"));
            return List.of(line.substring(line.lastIndexOf(')') + 2).split(" "));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
