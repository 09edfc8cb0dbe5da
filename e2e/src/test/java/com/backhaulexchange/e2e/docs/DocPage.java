package com.backhaulexchange.e2e.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shell blocks of a Markdown page, in order. A block is fenced with {@code ```sh} or {@code ```bash},
 * optionally followed by one marker: {@code expect-4xx} or {@code no-run} ({@link DocBlock.Mode}). Other
 * fences (json, text, mermaid) are read past. An unknown marker or a fence left open is an error: both would
 * otherwise make a page silently not run.
 */
public record DocPage(String name, List<DocBlock> blocks) {
    private static final Pattern FENCE = Pattern.compile("^(\\s*)(```+|~~~+)\\s*([A-Za-z0-9_-]*)\\s*(.*?)\\s*$");
    private static final Set<String> SHELLS = Set.of("sh", "bash");

    public DocPage {
        blocks = List.copyOf(blocks);
    }

    public static DocPage read(Path file, String name) {
        try {
            return parse(name, Files.readString(file));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    public static DocPage parse(String name, String markdown) {
        List<DocBlock> blocks = new ArrayList<>();
        String[] lines = markdown.split("\n", -1);
        int i = 0;
        while (i < lines.length) {
            Matcher open = FENCE.matcher(lines[i]);
            if (!open.matches()) {
                i++;
                continue;
            }
            int openedAt = i + 1;
            String fence = open.group(2);
            String language = open.group(3);
            String marker = open.group(4);
            StringBuilder source = new StringBuilder();
            i++;
            boolean closed = false;
            while (i < lines.length) {
                String line = lines[i];
                if (line.strip().startsWith(fence) && line.strip().replace(fence.substring(0, 1), "").isEmpty()) {
                    closed = true;
                    i++;
                    break;
                }
                source.append(line).append('\n');
                i++;
            }
            if (!closed) {
                throw new IllegalArgumentException(name + ":" + openedAt + ": the code fence opened here is never closed");
            }
            if (SHELLS.contains(language)) {
                blocks.add(new DocBlock(blocks.size() + 1, openedAt, mode(name, openedAt, marker), source.toString()));
            }
        }
        return new DocPage(name, blocks);
    }

    private static DocBlock.Mode mode(String page, int line, String marker) {
        return switch (marker) {
            case "" -> DocBlock.Mode.RUN;
            case "expect-4xx" -> DocBlock.Mode.EXPECT_4XX;
            case "no-run" -> DocBlock.Mode.NO_RUN;
            default -> throw new IllegalArgumentException(page + ":" + line + ": unknown marker '" + marker
                    + "' on a shell fence; use expect-4xx or no-run");
        };
    }

    public List<DocBlock> runnable() {
        return blocks.stream().filter(block -> block.mode() != DocBlock.Mode.NO_RUN).toList();
    }

    public List<DocBlock> skipped() {
        return blocks.stream().filter(block -> block.mode() == DocBlock.Mode.NO_RUN).toList();
    }
}
