import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded load generator for the gongzhi GraphQL endpoint on loopback (java LoadTest.java ...).
 * Signs an RS256 token with the bench key, then runs `concurrency` virtual-thread clients for `seconds`
 * seconds and prints throughput and latency percentiles. Stops by itself.
 *
 * args: url keyPem subject roles(comma) queryFile variablesJson concurrency seconds
 */
public class LoadTest {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String token = sign(Files.readString(Path.of(args[1])), args[2], args[3].split(","));
        String query = Files.readString(Path.of(args[4]));
        String body = "{\"query\":" + jsonString(query) + ",\"variables\":" + args[5] + "}";
        int concurrency = Integer.parseInt(args[6]);
        long seconds = Long.parseLong(args[7]);
        if (!URI.create(url).getHost().matches("localhost|127\\.0\\.0\\.1")) {
            throw new IllegalArgumentException("The benchmark only targets loopback");
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();

        HttpResponse<String> probe = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (probe.statusCode() != 200 || probe.body().contains("\"errors\"")) {
            throw new IllegalStateException("Probe failed: " + probe.statusCode() + " " + probe.body());
        }
        System.out.printf("response size: %d bytes%n", probe.body().length());

        // warm-up, then the measured run
        run(client, request, concurrency, Math.max(3, seconds / 3), false);
        run(client, request, concurrency, seconds, true);
    }

    static void run(HttpClient client, HttpRequest request, int concurrency, long seconds, boolean report) throws Exception {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < concurrency; i++) {
                pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() != 200 || r.body().startsWith("{\"errors\"")) {
                                errors.incrementAndGet();
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                        latencies.add(System.nanoTime() - t0);
                    }
                    return null;
                });
            }
        }
        if (!report) {
            return;
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("concurrency %d, %d s: %d requests, %.1f req/s, errors %d, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n",
                concurrency, seconds, sorted.size(), sorted.size() / (double) seconds, errors.get(),
                pct(sorted, 0.50), pct(sorted, 0.95), pct(sorted, 0.99));
    }

    static double pct(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size()))) / 1e6;
    }

    static String sign(String pem, String subject, String[] roles) throws Exception {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        long now = System.currentTimeMillis() / 1000;
        StringBuilder groups = new StringBuilder();
        for (String r : roles) {
            groups.append(groups.length() == 0 ? "" : ",").append(jsonString(r));
        }
        String header = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
        String claims = b64("{\"iss\":\"gongzhi-bench\",\"sub\":" + jsonString(subject) + ",\"groups\":[" + groups
                + "],\"iat\":" + now + ",\"exp\":" + (now + 3600) + "}");
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(key);
        s.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        return header + "." + claims + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(s.sign());
    }

    static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static String jsonString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
