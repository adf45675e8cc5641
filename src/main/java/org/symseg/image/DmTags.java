package org.symseg.image;

import java.io.IOException;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;

/**
 * The tag tree of a Gatan DigitalMicrograph file (DM3 or DM4). Tags are walked once, front to
 * back; values are kept only for paths under the prefixes asked for (the image list and its
 * thumbnails), so memory stays small however large the tree is. Arrays are not read, only
 * located: the image data is read later, region by region.
 *
 * <p>Paths join tag names with '/', an unnamed tag taking its index in its group, e.g.
 * {@code ImageList/1/ImageData/Dimensions/0}. Structure numbers are big-endian (4 bytes in DM3,
 * 8 in DM4); tag values use the byte order the file header names.
 */
final class DmTags {

    /** Where an array's elements are: offset, element type code, count and element size. */
    record ArrayRef(long offset, int elementType, long count, int elementBytes) {

        long bytes() {
            return count * elementBytes;
        }
    }

    static final int MAX_DEPTH = 64;
    private static final int MAX_KEPT = 200_000;
    private static final int MAX_INFO = 1024;
    private static final int GROUP = 20;
    private static final int DATA = 21;
    private static final int STRUCT = 15;
    private static final int STRING = 18;
    private static final int ARRAY = 20;

    private final ByteReader in;
    private final boolean dm4;
    private final ByteOrder valueOrder;
    private final String[] prefixes;
    private final Map<String, Object> values = new HashMap<>();

    private DmTags(ByteReader in, boolean dm4, ByteOrder valueOrder, String[] prefixes) {
        this.in = in;
        this.dm4 = dm4;
        this.valueOrder = valueOrder;
        this.prefixes = prefixes;
    }

    /** True for the start of a DM3 or DM4 file: version 3 or 4, then a byte-order flag 0 or 1. */
    static boolean hasMagic(byte[] head) {
        if (head.length < 16 || head[0] != 0 || head[1] != 0 || head[2] != 0
                || head[3] != 3 && head[3] != 4) {
            return false;
        }
        int flagAt = head[3] == 3 ? 8 : 12;
        return head[flagAt] == 0 && head[flagAt + 1] == 0 && head[flagAt + 2] == 0
                && (head[flagAt + 3] == 0 || head[flagAt + 3] == 1);
    }

    /** Reads the tree of a DM file, keeping the values under {@code prefixes}. */
    static DmTags read(ByteReader in, String... prefixes) throws IOException {
        in.order(ByteOrder.BIG_ENDIAN).seek(0);
        int version = in.s32();
        if (version != 3 && version != 4) {
            throw new ImageFormatException("not a DigitalMicrograph file (unrecognised header)");
        }
        boolean dm4 = version == 4;
        if (dm4) {
            in.s64();
        } else {
            in.s32();
        }
        int flag = in.s32();
        if (flag != 0 && flag != 1) {
            throw new ImageFormatException("not a DigitalMicrograph file (byte order flag "
                    + flag + ")");
        }
        DmTags tags = new DmTags(in, dm4, flag == 1 ? ByteOrder.LITTLE_ENDIAN
                : ByteOrder.BIG_ENDIAN, prefixes);
        tags.group("", 0);
        return tags;
    }

    ByteOrder valueOrder() {
        return valueOrder;
    }

    Object get(String path) {
        return values.get(path);
    }

    Map<String, Object> values() {
        return values;
    }

    /** A text tag: DM stores strings as arrays of UTF-16 code units. */
    String text(String path) throws IOException {
        if (!(values.get(path) instanceof ArrayRef ref) || ref.elementBytes() != 2
                || ref.count() > 4096) {
            return "";
        }
        in.order(valueOrder).seek(ref.offset());
        StringBuilder text = new StringBuilder();
        for (long i = 0; i < ref.count(); i++) {
            text.append((char) in.u16());
        }
        return text.toString();
    }

    private void group(String path, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new ImageFormatException("corrupt DigitalMicrograph file: tag groups nested"
                    + " deeper than " + MAX_DEPTH + " levels");
        }
        in.order(ByteOrder.BIG_ENDIAN);
        in.u8(); // sorted
        in.u8(); // open
        long count = structureNumber();
        if (count < 0 || count > in.remaining()) {
            throw new ImageFormatException("truncated or corrupt DigitalMicrograph file: a tag"
                    + " group claims "
                    + count + " tags at offset " + in.position());
        }
        for (long i = 0; i < count; i++) {
            in.order(ByteOrder.BIG_ENDIAN);
            int kind = in.u8();
            int nameLength = in.u16();
            String name = new String(in.bytes(nameLength), java.nio.charset.StandardCharsets.ISO_8859_1);
            if (dm4) {
                in.s64(); // the tag's total length; the walk finds its end anyway
            }
            String child = (path.isEmpty() ? "" : path + "/") + (name.isEmpty() ? Long.toString(i) : name);
            if (kind == GROUP) {
                group(child, depth + 1);
            } else if (kind == DATA) {
                data(child);
            } else {
                throw new ImageFormatException("corrupt DigitalMicrograph file: unknown tag kind "
                        + kind + " at offset " + (in.position() - 3 - nameLength));
            }
        }
    }

    private void data(String path) throws IOException {
        byte[] mark = in.bytes(4);
        if (mark[0] != '%' || mark[1] != '%' || mark[2] != '%' || mark[3] != '%') {
            throw new ImageFormatException("corrupt DigitalMicrograph file: tag '" + path
                    + "' lacks its %%%% mark");
        }
        long infoLength = structureNumber();
        if (infoLength < 1 || infoLength > MAX_INFO) {
            throw new ImageFormatException("corrupt DigitalMicrograph file: tag '" + path
                    + "' has a type description of " + infoLength + " entries");
        }
        long[] info = new long[(int) infoLength];
        for (int i = 0; i < info.length; i++) {
            info[i] = structureNumber();
        }
        int type = (int) info[0];
        in.order(valueOrder);
        if (simpleBytes(type) > 0) {
            Object value = simpleValue(type);
            keep(path, value);
        } else if (type == STRING) {
            in.skip(entry(info, 1, path));
        } else if (type == STRUCT) {
            in.skip(structBytes(info, 2, path));
        } else if (type == ARRAY) {
            array(path, info);
        } else {
            throw new ImageFormatException("corrupt DigitalMicrograph file: tag '" + path
                    + "' has unknown type " + type);
        }
    }

    private void array(String path, long[] info) throws IOException {
        int elementType = (int) entry(info, 1, path);
        long elementBytes;
        long count;
        if (elementType == STRUCT) {
            elementBytes = structBytes(info, 3, path);
            count = entry(info, 4 + 2 * (int) entry(info, 3, path), path);
        } else if (simpleBytes(elementType) > 0) {
            elementBytes = simpleBytes(elementType);
            count = entry(info, 2, path);
        } else {
            throw new ImageFormatException("unsupported DigitalMicrograph tag '" + path
                    + "': an array of type " + elementType);
        }
        if (count < 0 || elementBytes > 0 && count > in.remaining() / elementBytes) {
            throw new ImageFormatException("truncated or corrupt DigitalMicrograph file: array '"
                    + path + "' of " + count + " elements does not fit in the file");
        }
        keep(path, new ArrayRef(in.position(), elementType, count, (int) elementBytes));
        in.skip(count * elementBytes);
    }

    /** Size of a struct whose field count is at info[at] and field types follow in pairs. */
    private long structBytes(long[] info, int at, String path) throws IOException {
        long fields = entry(info, at, path);
        long bytes = 0;
        for (int f = 0; f < fields; f++) {
            int fieldType = (int) entry(info, at + 2 + 2 * f, path);
            int size = simpleBytes(fieldType);
            if (size == 0) {
                throw new ImageFormatException("unsupported DigitalMicrograph tag '" + path
                        + "': a struct field of type " + fieldType);
            }
            bytes += size;
        }
        return bytes;
    }

    private static long entry(long[] info, int index, String path) throws ImageFormatException {
        if (index < 0 || index >= info.length || info[index] < 0) {
            throw new ImageFormatException("corrupt DigitalMicrograph file: tag '" + path
                    + "' has an incomplete type description");
        }
        return info[index];
    }

    private Object simpleValue(int type) throws IOException {
        return switch (type) {
            case 2 -> (long) in.s16();
            case 3 -> (long) in.s32();
            case 4 -> (long) in.u16();
            case 5 -> in.u32();
            case 6 -> (double) in.f32();
            case 7 -> in.f64();
            case 8, 10 -> (long) in.u8();
            case 9 -> (long) in.s8();
            default -> in.s64();
        };
    }

    /** Bytes of a simple type, 0 for the compound ones (struct, string, array). */
    static int simpleBytes(int type) {
        return switch (type) {
            case 2, 4 -> 2;
            case 3, 5, 6 -> 4;
            case 7, 11, 12 -> 8;
            case 8, 9, 10 -> 1;
            default -> 0;
        };
    }

    private long structureNumber() throws IOException {
        return dm4 ? in.s64() : in.s32();
    }

    private void keep(String path, Object value) throws ImageFormatException {
        for (String prefix : prefixes) {
            if (path.startsWith(prefix)) {
                if (values.size() >= MAX_KEPT) {
                    throw new ImageFormatException("corrupt DigitalMicrograph file: more than "
                            + MAX_KEPT + " image tags");
                }
                values.put(path, value);
                return;
            }
        }
    }
}
