package io.sphere.core.attachment;

import java.nio.charset.StandardCharsets;

/**
 * File names as people gave them, made harmless: only the last path segment, without NUL, control or
 * bidirectional-override characters (which can make {@code exe.txt} look like {@code txt.exe}), at most 255
 * characters. Pages escape the result like any text; headers use {@link #contentDisposition}.
 */
public final class AttachmentNames {

    public static final int MAX = 255;
    private static final String HEX = "0123456789ABCDEF";

    private AttachmentNames() {
    }

    public static String clean(String name) {
        String s = name == null ? "" : name;
        int slash = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
        s = s.substring(slash + 1);
        StringBuilder out = new StringBuilder();
        s.codePoints().filter(cp -> !unsafe(cp)).forEach(out::appendCodePoint);
        String cleaned = out.toString().strip();
        if (cleaned.isEmpty() || cleaned.equals(".") || cleaned.equals("..")) {
            cleaned = "file";
        }
        if (cleaned.codePointCount(0, cleaned.length()) > MAX) {
            cleaned = cleaned.substring(0, cleaned.offsetByCodePoints(0, MAX));
        }
        return cleaned;
    }

    static boolean unsafe(int cp) {
        return Character.isISOControl(cp) || cp == 0x061C || cp == 0x200E || cp == 0x200F
                || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF
                || Character.getType(cp) == Character.LINE_SEPARATOR
                || Character.getType(cp) == Character.PARAGRAPH_SEPARATOR;
    }

    /**
     * RFC 6266: {@code inline} or {@code attachment}, an ASCII-only {@code filename} for old clients and the real
     * name in {@code filename*} (RFC 5987, UTF-8, percent-encoded), so no character can break out of the header.
     */
    public static String contentDisposition(boolean inline, String name) {
        String clean = clean(name);
        StringBuilder ascii = new StringBuilder();
        clean.codePoints().forEach(cp -> ascii.append(cp >= 0x20 && cp < 0x7F && cp != '"' && cp != '\\'
                && cp != '%' && cp != ';' ? (char) cp : '_'));
        return (inline ? "inline" : "attachment") + "; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + percent(clean);
    }

    private static String percent(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xF));
            }
        }
        return out.toString();
    }
}
