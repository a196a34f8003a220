package org.virtlab.scenario;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import org.virtlab.engine.model.Scenario;

/**
 * Reads scenario files ({@code "format": "virtlab.scenario"}, version 1). Every way a file can be wrong
 * ends in a {@link ScenarioException} listing all its problems; nothing else escapes.
 */
public final class ScenarioReader {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final int MAX_REASON_CHARS = 160;
    private static final String DUPLICATE_FIELD = "Duplicate field ";
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private ScenarioReader() {
    }

    /**
     * Reads a file; problems name it as given ({@code file.toString()}). The CSV files of its traces are
     * read from its folder.
     */
    public static Scenario read(Path file) throws ScenarioException {
        String source = file.toString();
        if (Files.isDirectory(file)) {
            throw Problems.single(source, "file.isDirectory");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw Problems.single(source, "file.notFound");
        } catch (AccessDeniedException e) {
            throw Problems.single(source, "file.accessDenied");
        } catch (IOException | SecurityException e) {
            throw Problems.single(source, "file.cannotRead", reason(e));
        }
        return parse(bytes, source, TraceFiles.besides(file));
    }

    /**
     * Reads a scenario from text; {@code sourceName} is what problems call it. Text has no folder: its
     * traces must list their points inline.
     */
    public static Scenario read(String json, String sourceName) throws ScenarioException {
        return parse(json.getBytes(StandardCharsets.UTF_8), sourceName, null);
    }

    /**
     * Reads a scenario from a stream (not closed here); {@code sourceName} is what problems call it. A
     * stream has no folder: its traces must list their points inline.
     */
    public static Scenario read(InputStream in, String sourceName) throws ScenarioException {
        return read(in, sourceName, null);
    }

    /**
     * Reads a scenario from a stream (not closed here) whose trace CSV files {@code traceFiles} opens (the
     * lessons inside the module find theirs beside them); {@code null} if there are none to find.
     */
    public static Scenario read(InputStream in, String sourceName, TraceFiles traceFiles) throws ScenarioException {
        byte[] bytes;
        try {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw Problems.single(sourceName, "file.cannotRead", reason(e));
        }
        return parse(bytes, sourceName, traceFiles);
    }

    /** The text of a scenario's bytes, to place problems in, a UTF-8 byte order mark skipped as {@link #parse} does. */
    static SourceText sourceText(byte[] bytes) {
        int start = startsWith(bytes, UTF8_BOM) ? UTF8_BOM.length : 0;
        return new SourceText(bytes, start, bytes.length - start, MAPPER.getFactory());
    }

    private static Scenario parse(byte[] bytes, String source, TraceFiles traceFiles) throws ScenarioException {
        // The parser skips a UTF-8 byte order mark only in an input of four bytes or more, and counts it as three
        // columns; skipped here, a file holding just the mark is empty and columns are as an editor shows them.
        int start = startsWith(bytes, UTF8_BOM) ? UTF8_BOM.length : 0;
        SourceText text = new SourceText(bytes, start, bytes.length - start, MAPPER.getFactory());
        JsonNode root;
        try (JsonParser parser = MAPPER.createParser(bytes, start, bytes.length - start)) {
            root = MAPPER.readTree(parser);
            if (root != null && parser.nextToken() != null) {
                throw Problems.single(source, text.position(parser.currentTokenLocation()), "json.trailing");
            }
        } catch (JacksonException e) {
            String reason = jacksonReason(e.getOriginalMessage());
            // A field given twice is reported just after its second name; placed at that name's start instead.
            boolean duplicate = String.valueOf(e.getOriginalMessage()).startsWith(DUPLICATE_FIELD);
            SourceText.Position at = duplicate ? text.nameEndingAt(e.getLocation()) : text.position(e.getLocation());
            throw Problems.single(source, at, "json.malformed", reason);
        } catch (CharConversionException e) {
            // Bytes that are no text in the encoding the parser recognised (UTF-32, say): a malformed file.
            throw Problems.single(source, "json.malformed", jacksonReason(e.getMessage()));
        } catch (IOException e) {
            throw Problems.single(source, "file.cannotRead", reason(e));
        }
        if (root == null || root.isMissingNode()) {
            throw Problems.single(source, "file.empty");
        }
        return ScenarioMapper.map(root, source, text, traceFiles);
    }

    /**
     * Jackson's description of a syntax error, cut to what helps a person: the first line, without the
     * embedded source locations and the names of Jackson's settings and classes, control characters escaped.
     */
    static String jacksonReason(String original) {
        String text = original == null ? "" : original.lines().findFirst().orElse("");
        text = text.replaceAll("\\s*\\(start marker at \\[[^\\]]*\\]\\)", "")
                .replaceAll("\\s*\\[Source:[^\\]]*\\]", "")
                .replaceAll(",?\\s*from `[^`]*`", "")
                .replaceAll("[:;,]?\\s*(enable|use|disable) `?\\w*Feature\\.\\w+`?[^()]*$", "")
                .replaceAll("`", "")
                .strip();
        text = Json.controlsEscaped(text); // it quotes the token it choked on, NULs and all
        if (text.length() > MAX_REASON_CHARS) {
            text = text.substring(0, MAX_REASON_CHARS) + "…";
        }
        return text;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static String reason(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message.strip();
    }
}
