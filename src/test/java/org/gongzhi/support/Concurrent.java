package org.gongzhi.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/** Runs one call per input on 32 threads released together by a latch; returns the outcomes in input order. */
public final class Concurrent {

    private Concurrent() {
    }

    public static <T> List<String> run(List<T> inputs, Function<T, String> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(32);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (T in : inputs) {
                Callable<String> task = () -> {
                    start.await();
                    return call.apply(in);
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
