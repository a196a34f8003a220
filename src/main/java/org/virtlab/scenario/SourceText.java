package org.virtlab.scenario;

import com.fasterxml.jackson.core.JsonLocation;

/**
 * The text a scenario document was parsed from, to tell where things are in it: the line and column an
 * editor shows, from 1, with columns counted in characters. (The parser counts the bytes of UTF-8, so after
 * Chinese text, three bytes a character, its columns run ahead of the editor's.)
 */
final class SourceText {

    /** A line and a column, both from 1, as an editor counts them. */
    record Position(int line, int column) {
    }

    private final byte[] bytes;
    private final int start;
    private final int length;
    /** Where the last column was counted, to go on from there: positions come in order along a line. */
    private long countedLineStart = -1;
    private long countedTo;
    private int countedColumn;

    /** The text is {@code length} bytes of {@code bytes} from {@code start}, as given to the parser. */
    SourceText(byte[] bytes, int start, int length) {
        this.bytes = bytes;
        this.start = start;
        this.length = length;
    }

    /** Where a location of the parser is, in characters; {@code null} if it has no line. */
    Position position(JsonLocation where) {
        if (where == null || where.getLineNr() <= 0 || where.getColumnNr() <= 0) {
            return null;
        }
        return new Position(where.getLineNr(), column(where.getByteOffset(), where.getColumnNr()));
    }

    /**
     * Where the field name starts that a "duplicate field" error of the parser stopped just after: the second
     * occurrence, at its opening quote. {@link #position} if the text before is not such a name.
     */
    Position nameEndingAt(JsonLocation where) {
        Position after = position(where);
        long end = where == null ? -1 : where.getByteOffset();
        if (after == null || end < 2 || end > length || at(end - 1) != '"') {
            return after;
        }
        long lineStart = end - (where.getColumnNr() - 1);
        // A name is on one line: JSON strings hold no raw line breaks.
        for (long i = end - 2; i >= Math.max(lineStart, 0); i--) {
            if (at(i) == '"' && !escaped(i, lineStart)) {
                return new Position(after.line(), column(i, (int) (i - lineStart) + 1));
            }
        }
        return after;
    }

    private byte at(long offset) {
        return bytes[start + (int) offset];
    }

    /** Whether the quote at {@code offset} follows an odd number of backslashes. */
    private boolean escaped(long offset, long lineStart) {
        int backslashes = 0;
        for (long i = offset - 1; i >= lineStart && at(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    /**
     * The column in characters of a place the parser gives as a byte offset and a column in bytes. A column
     * counted in characters already (the parser read UTF-16 or UTF-32 through a reader: no byte offset) is
     * kept.
     */
    private int column(long offset, int byteColumn) {
        long lineStart = offset - (byteColumn - 1);
        if (offset < 0 || lineStart < 0 || offset > length) {
            return byteColumn;
        }
        long from = lineStart;
        int column = 1;
        if (lineStart == countedLineStart && offset >= countedTo) {
            from = countedTo;
            column = countedColumn;
        }
        for (long i = from; i < offset; i++) {
            if ((at(i) & 0xC0) != 0x80) { // each character begins with a byte that is no UTF-8 continuation
                column++;
            }
        }
        countedLineStart = lineStart;
        countedTo = offset;
        countedColumn = column;
        return column;
    }
}
