package dev.optoant.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A wrong setting stops the real launcher with one line naming the key, and no stack trace. */
class StartupConfigurationTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "PORT|eighty|server.applicationConnectors",
            "OPENAI_BACKEND|ftp://example.com|upstream.baseUrl",
            "REQUEST_TIMEOUT_SECONDS|soon|upstream.firstByteTimeout",
            "DATABASE_DSN|not a dsn|database.dsn",
            "MAX_REQUEST_BODY|-5|limits.maxRequestBody",
            "UPSTREAM_RETRY_MAX_BACKOFF|1ms|upstream.retries",
            "MAX_CONCURRENT_STREAMS|0|concurrency.maxStreams"})
    void wrongSettingFailsWithOneLineNamingTheKey(String variable, String value, String key) throws Exception {
        Result result = launch(Map.of(variable, value, "ADMIN_PORT", "0"));

        assertThat(result.exitCode()).as(result.stderr()).isNotZero();
        List<String> errorLines = result.stderr().lines().filter(l -> l.startsWith("optoant: configuration error:")).toList();
        assertThat(errorLines).as(result.stderr()).hasSize(1);
        assertThat(errorLines.get(0)).contains(key);
        assertThat(result.stderr()).doesNotContain("\tat ").doesNotContain("Exception in thread");
    }

    private record Result(int exitCode, String stderr) {
    }

    private static Result launch(Map<String, String> env) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                OptoantApplication.class.getName(), "server", GatewayTestSupport.CONFIG);
        builder.environment().putAll(env);
        builder.environment().putIfAbsent("PORT", "0");
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        byte[] stderr = process.getErrorStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the gateway started although its configuration is wrong");
        }
        return new Result(process.exitValue(), new String(stderr, StandardCharsets.UTF_8));
    }
}
