package io.camelparadigm.examples.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * The most heap in use since the last {@link #reset()}: the sum of each heap pool's peak (pools peak at different
 * moments, so this is an upper bound). The whole JVM counts: the emulator runs in it too.
 */
public final class PeakHeap {

    private PeakHeap() {
    }

    public static void reset() {
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    public static long bytes() {
        return heapPools().stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    /** The largest heap the JVM may use ({@code -Xmx}). */
    public static long maxBytes() {
        return Runtime.getRuntime().maxMemory();
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP && pool.isValid())
                .toList();
    }
}
