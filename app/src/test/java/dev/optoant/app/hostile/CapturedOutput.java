package dev.optoant.app.hostile;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Copies everything written to {@code System.out} and {@code System.err} while it is installed. Logback's console
 * appenders (the application log and the HTTP request log) look {@code System.out} up on every write, so this sees
 * all the process logs.
 */
final class CapturedOutput implements AutoCloseable {
    private final PrintStream originalOut = System.out;
    private final PrintStream originalErr = System.err;
    private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

    private CapturedOutput() {
        System.setOut(tee(originalOut));
        System.setErr(tee(originalErr));
    }

    static CapturedOutput start() {
        return new CapturedOutput();
    }

    String text() {
        synchronized (copy) {
            return copy.toString(StandardCharsets.UTF_8);
        }
    }

    private PrintStream tee(PrintStream original) {
        return new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                original.write(b);
                synchronized (copy) {
                    copy.write(b);
                }
            }

            @Override
            public void write(byte[] bytes, int off, int len) {
                original.write(bytes, off, len);
                synchronized (copy) {
                    copy.write(bytes, off, len);
                }
            }

            @Override
            public void flush() {
                original.flush();
            }
        }, true, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }
}
