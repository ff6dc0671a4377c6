package io.reelsmith.app.video;

import io.reelsmith.app.files.VideoFiles;
import io.reelsmith.kernel.Step;
import io.reelsmith.kernel.Workspace;
import io.reelsmith.pipeline.Journal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * The service's journal wrapper: when a step finishes, its durable files (already written atomically on
 * this disk) go to the blob store first, and only then is the step recorded done — so a step the journal
 * calls done always has its files in the store, for any machine that resumes or serves the video. A crash
 * between the upload and the record re-runs the step, which uploads the same keys again.
 *
 * <p>Every other call goes to the wrapped journal as it is. A proxy forwards them, not a method each: the database
 * journal's own {@code started(step, gate)} (the gate's check and the start in one transaction) and its fenced
 * {@code claim} must never fall back to the interface's defaults, also not for a method added later.
 */
public final class StoringJournal {
    private static final Method FINISHED = finished();

    private StoringJournal() {}

    public static Journal of(Journal journal, VideoFiles files, String ownerId, String videoId, Workspace ws) {
        return (Journal) Proxy.newProxyInstance(
                Journal.class.getClassLoader(), new Class<?>[] {Journal.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) // the wrapper is itself, not the journal
                    return switch (method.getName()) {
                            case "equals" -> proxy == args[0];
                            case "hashCode" -> System.identityHashCode(proxy);
                            default -> "StoringJournal[" + journal + "]";
                        };
                    if (method.equals(FINISHED)) {
                        Step step = (Step) args[0];
                        @SuppressWarnings("unchecked")
                        Map<String, String> outputs = (Map<String, String>) args[1];
                        try {
                            files.save(ownerId, videoId, ws, ws.durableOutputs(step, outputs));
                        } catch (IOException e) {
                            throw new UncheckedIOException(
                                    "could not store the files of step " + step + ": " + e.getMessage(), e);
                        }
                    }
                    try {
                        return method.invoke(journal, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause(); // the journal's own exception, as a direct call would throw it
                    }
                });
    }

    private static Method finished() {
        try {
            return Journal.class.getMethod("finished", Step.class, Map.class, long.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }
}
