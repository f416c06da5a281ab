package org.gongzhi.support;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The artifact the build produced (target/quarkus-artifact.properties: the jar, or the native executable with
 * {@code -Dnative}) started as its own process, for the few integration tests that must stop it themselves. Runs with
 * the {@code it} profile (prod settings plus the test identity provider), output in target/packaged-app-*.log.
 */
public final class PackagedApp implements AutoCloseable {

    private final Process process;
    private final Path log;
    public final int port;

    private PackagedApp(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    public static PackagedApp start(Map<String, String> config) throws IOException {
        Properties artifact = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("target", "quarkus-artifact.properties"))) {
            artifact.load(in);
        }
        Path path = Path.of("target").resolve(artifact.getProperty("path")).toAbsolutePath();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> command = new ArrayList<>();
        boolean nativeImage = "native".equals(artifact.getProperty("type"));
        if (!nativeImage) {
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        } else {
            command.add(path.toString());
        }
        command.add("-Dquarkus.profile=it");
        command.add("-Dquarkus.http.port=" + port);
        config.forEach((k, v) -> command.add("-D" + k + "=" + v));
        if (!nativeImage) {
            command.add("-jar");
            command.add(path.toString());
        }
        Path log = Path.of("target", "packaged-app-" + System.currentTimeMillis() + ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new PackagedApp(p, log, port);
    }

    /** Waits until /q/health/ready answers 200 (or the process died). */
    public PackagedApp awaitReady(Duration max) throws Exception {
        Instant deadline = Instant.now().plus(max);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The application exited with " + process.exitValue() + ":\n" + output());
            }
            try {
                if (given().port(port).get("/q/health/ready").statusCode() == 200) {
                    return this;
                }
            } catch (Exception notListeningYet) {
                // connection refused until the HTTP server is up
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Not ready within " + max + ":\n" + output());
    }

    /** SIGTERM, as Kubernetes sends it when a pod is deleted. */
    public void terminate() {
        process.toHandle().destroy();
    }

    public boolean awaitExit(Duration max) throws InterruptedException {
        return process.waitFor(max.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String output() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
