package org.kontor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ThreadCpuTest {

    /** The shape of {@code jcmd <pid> Thread.print} on JDK 17: Java threads, then the JVM's own. */
    private static final String DUMP = """
            2026-11-27 23:40:01
            Full thread dump OpenJDK 64-Bit Server VM (17.0.15+6-Debian-1deb12u1 mixed mode, sharing):

            "boundedElastic-1" #41 daemon prio=5 os_prio=0 cpu=1500.50ms elapsed=60.01s tid=0x1 nid=0x2 waiting on condition  [0x0]
               java.lang.Thread.State: TIMED_WAITING (parking)
            \tat jdk.internal.misc.Unsafe.park(java.base@17.0.15/Native Method)

            "boundedElastic-12" #52 daemon prio=5 os_prio=0 cpu=499.50ms elapsed=58.00s tid=0x3 nid=0x4 runnable  [0x0]
               java.lang.Thread.State: RUNNABLE

            "WorkPackage[ledger-lines]-0" #60 daemon prio=5 os_prio=0 cpu=250.00ms elapsed=50.00s tid=0x5 nid=0x6 waiting on condition  [0x0]
               java.lang.Thread.State: WAITING (parking)

            "C2 CompilerThread0" #7 daemon prio=9 os_prio=0 cpu=3000.00ms elapsed=61.00s tid=0x7 nid=0x8 waiting on condition  [0x0]
               java.lang.Thread.State: RUNNABLE

            "GC Thread#0" os_prio=0 cpu=700.00ms elapsed=61.00s tid=0x9 nid=0xa runnable

            "GC Thread#1" os_prio=0 cpu=300.00ms elapsed=60.00s tid=0xb nid=0xc runnable

            "VM Thread" os_prio=0 cpu=100.00ms elapsed=61.00s tid=0xd nid=0xe runnable
            """;

    @Test
    void groups_threadsByNameWithTheirNumbersAsN_javaAndJvmThreads() {
        Map<String, Double> groups = ThreadCpu.groups(DUMP);

        assertThat(groups).containsOnly(
                Map.entry("boundedElastic-N", 2.0),
                Map.entry("WorkPackage[ledger-lines]-N", 0.25),
                Map.entry("CN CompilerThreadN", 3.0),
                Map.entry("GC Thread#N", 1.0),
                Map.entry("VM Thread", 0.1));
    }

    @Test
    void largest_theCpuBetweenTwoDumps_largestFirst_atMostSoMany() {
        Map<String, Double> start = Map.of("boundedElastic-N", 2.0, "GC Thread#N", 1.0, "VM Thread", 0.1,
                "CN CompilerThreadN", 3.0);
        Map<String, Double> end = Map.of("boundedElastic-N", 20.0, "GC Thread#N", 3.0, "VM Thread", 0.1,
                "CN CompilerThreadN", 3.5, "WorkPackage[ledger-lines]-N", 4.0);

        assertThat(ThreadCpu.largest(start, end, 3)).containsExactly(
                new BenchReport.ThreadGroupCpu("boundedElastic-N", 18.0),
                new BenchReport.ThreadGroupCpu("WorkPackage[ledger-lines]-N", 4.0),
                new BenchReport.ThreadGroupCpu("GC Thread#N", 2.0));
    }

    /** A group whose threads ended shows less at the end than at the start: it counts as nothing. */
    @Test
    void largest_groupWithFewerCpuAtTheEnd_leftOut_andNoneWithoutBothDumps() {
        Map<String, Double> start = Map.of("loader-N", 5.0, "boundedElastic-N", 1.0);
        Map<String, Double> end = Map.of("loader-N", 2.0, "boundedElastic-N", 3.0);

        assertThat(ThreadCpu.largest(start, end, 12))
                .containsExactly(new BenchReport.ThreadGroupCpu("boundedElastic-N", 2.0));
        assertThat(ThreadCpu.largest(Map.of(), end, 12)).isEmpty();
        assertThat(ThreadCpu.largest(start, Map.of(), 12)).isEmpty();
    }
}
