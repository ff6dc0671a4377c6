package io.reelsmith.bench;

import io.reelsmith.kernel.Ffmpeg;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a benchmark's time goes: every FFmpeg/ffprobe run by its label, with its wall time and the CPU seconds
 * of the child processes reaped since the previous run ({@link ChildCpu}: exact when runs follow one another,
 * as in the render stage; where two overlap, each gets part of the other's).
 */
final class Phases implements Ffmpeg.Listener {
    /** Totals of one label. */
    record Phase(int runs, double wall, double cpu) {
        Phase plus(double w, double c) {
            return new Phase(runs + 1, wall + w, cpu + c);
        }
    }

    private final Map<String, Phase> phases = new LinkedHashMap<>();
    private double lastCpu = ChildCpu.seconds();

    /** Starts listening to every FFmpeg run of this process. */
    static Phases listen() {
        Phases p = new Phases();
        Ffmpeg.listen(p);
        return p;
    }

    @Override
    public synchronized void finished(String label, long wallNanos) {
        double now = ChildCpu.seconds();
        phases.merge(label, new Phase(1, wallNanos / 1e9, now - lastCpu), (a, b) -> a.plus(b.wall(), b.cpu()));
        lastCpu = now;
    }

    /** What was recorded since the last call, and a fresh start. */
    synchronized Map<String, Phase> take() {
        Map<String, Phase> out = new LinkedHashMap<>(phases);
        phases.clear();
        lastCpu = ChildCpu.seconds();
        return out;
    }

    void stop() {
        Ffmpeg.listen(null);
    }

    static void print(PrintStream out, String indent, Map<String, Phase> phases) {
        for (var e : phases.entrySet()) {
            out.printf(
                    Locale.ROOT,
                    "%s%-30s %2d run%s %7.2f s wall %7.2f s cpu%n",
                    indent,
                    e.getKey(),
                    e.getValue().runs(),
                    e.getValue().runs() == 1 ? " " : "s",
                    e.getValue().wall(),
                    e.getValue().cpu());
        }
    }

    /** Per label, the median over rounds of its CPU seconds (a label missing from a round counts 0 there). */
    static Map<String, Double> medianCpu(List<Map<String, Phase>> rounds) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map<String, Phase> r : rounds) for (String label : r.keySet()) out.putIfAbsent(label, 0.0);
        for (String label : out.keySet()) {
            List<Double> cpu = new ArrayList<>();
            for (Map<String, Phase> r : rounds)
                cpu.add(r.containsKey(label) ? r.get(label).cpu() : 0);
            out.put(label, Stats.median(cpu));
        }
        return out;
    }
}
