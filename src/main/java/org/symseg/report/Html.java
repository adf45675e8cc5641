package org.symseg.report;

import java.nio.charset.StandardCharsets;

/**
 * Escaping for the run report. Everything a user chose (file names, reasons that quote them,
 * settings) goes through {@link #text} before it reaches the page; relative links to output files
 * go through {@link #href}, which percent-encodes each path segment, so a name with {@code <},
 * {@code &}, quotes or {@code #} can neither break the markup nor point elsewhere.
 */
public final class Html {

    private Html() {
    }

    /** Safe in element content and in quoted attribute values. */
    public static String text(Object value) {
        String s = String.valueOf(value);
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A relative path ('/'-separated) as an attribute-safe URL. */
    public static String href(String relativePath) {
        StringBuilder out = new StringBuilder();
        for (byte b : relativePath.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
