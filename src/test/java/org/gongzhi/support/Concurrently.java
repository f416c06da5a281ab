package org.gongzhi.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/** Fires calls at once for concurrency tests: 32 threads released together by a latch; outcomes in input order. */
public final class Concurrently {

    private Concurrently() {
    }

    public static <T> List<String> run(List<T> inputs, Function<T, String> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(32);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (T input : inputs) {
                Callable<String> task = () -> {
                    start.await();
                    return call.apply(input);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<String> out = new ArrayList<>();
            for (Future<String> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
