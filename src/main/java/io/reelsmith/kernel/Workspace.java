package io.reelsmith.kernel;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Where one video job's files live, under fixed names, so every step finds what the one before made. */
public record Workspace(Path dir) {
    public Path character() {
        return character(0);
    }
    /** Cast member {@code index}'s reference image (0 is the lead's, {@code character.png}; then character-2.png, …). */
    public Path character(int index) {
        return dir.resolve(castImageName(index));
    }

    public static String castImageName(int index) {
        if (index < 0 || index >= JobSpec.MAX_CAST) throw new IllegalArgumentException("no cast member " + (index + 1));
        return index == 0 ? "character.png" : "character-" + (index + 1) + ".png";
    }

    public Path blocks() {
        return work().resolve("blocks");
    }
    /** Where a block made a second time (the drift check's retake) leaves its files, under the same names. */
    public Path retakes() {
        return work().resolve("retakes");
    }
    /** The parallel plan's keyframes ({@code keyframe-01.png} … : the storyboard). */
    public Path keyframes() {
        return work().resolve("keyframes");
    }

    public Path keyframe(int index) {
        return keyframes().resolve(String.format("keyframe-%02d.png", index + 1));
    }

    public Path blockWords(int index) {
        return blocks().resolve(Step.block(index).file(".words.json"));
    }

    /** One of the files with a fixed name ({@code file(WorkspaceFile.WORDS)} is words.json). */
    public Path file(WorkspaceFile file) {
        return dir.resolve(file.fileName);
    }

    public Path journal() {
        return dir.resolve(".reelsmith/journal.json");
    }
    /** Intermediate files (clips, the take) that are not deliverables. */
    public Path work() {
        return dir.resolve(".reelsmith");
    }

    /**
     * Whether a workspace file (its {@link #relative} name) is one of the durable files a step made, given
     * the outputs it recorded: what the service keeps in the blob store. A block's files are all those its
     * video maker named {@code block-NN.*} in {@link #blocks()} or {@link #retakes()} (the clip, and e.g. the animatic's audio),
     * the subtitle step's are the take and the subtitle files, the render's the deliverables.
     */
    public static boolean isOutputOf(Step step, Map<String, String> outputs, String name) {
        if (name.equals(normal(outputs.get("file"))) || name.equals(normal(outputs.get("take")))) return true;
        // a block's own block-NN.* files, and the images blocks share (sprite sheets, shadow, weather, cast)
        // that its filter graph draws: another worker must find them in the store to render
        // a keyframe's one file is its output "file" (above)
        if (step instanceof Step.Block b)
            return blockFile(".reelsmith/blocks/", b, name) || blockFile(".reelsmith/retakes/", b, name);
        if (step == Step.CHARACTER) return name.matches("character(-[2-9])?\\.png");
        // the take may be a file and its companions (the animatic's take.json needs take.wav)
        if (step == Step.SUBTITLES && name.startsWith(".reelsmith/take.")) return true;
        return WorkspaceFile.madeBy(step, name);
    }

    private static boolean blockFile(String dir, Step.Block step, String name) {
        if (!name.startsWith(dir)) return false;
        String file = name.substring(dir.length());
        return file.startsWith(step.file(".")) || !Step.Block.isBlockFile(file);
    }

    /**
     * The files of this workspace's disk that {@link #isOutputOf} the step (temporary ".name" files and folders left
     * out). Steps running at once (the parallel plan's blocks) make and delete their temporary folders meanwhile: a
     * file or folder gone while the walk passes is skipped, not an error.
     */
    public List<Path> durableOutputs(Step step, Map<String, String> outputs) throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        List<Path> found = new ArrayList<>();
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                boolean temporary = !d.equals(dir)
                        && !d.equals(work())
                        && d.getFileName().toString().startsWith(".");
                return temporary ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                if (attrs.isRegularFile()
                        && !f.getFileName().toString().startsWith(".")
                        && isOutputOf(step, outputs, relative(f))) found.add(f);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path f, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) return FileVisitResult.CONTINUE;
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e == null || e instanceof NoSuchFileException) return FileVisitResult.CONTINUE;
                throw e;
            }
        });
        return found.stream().sorted().toList();
    }

    private static String normal(String name) {
        return name == null ? null : Path.of(name).normalize().toString().replace('\\', '/');
    }

    /** A file's name relative to the workspace, with '/' (the tail of its blob key). */
    public String relative(Path file) {
        return dir.toAbsolutePath()
                .normalize()
                .relativize(file.toAbsolutePath().normalize())
                .toString()
                .replace('\\', '/');
    }
}
