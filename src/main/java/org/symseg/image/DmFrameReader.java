package org.symseg.image;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Gatan DigitalMicrograph DM3 and DM4: the first image of the file's image list that is not a
 * thumbnail, 2-D or a 3-D stack (x, y, frames), with the pixel size of its x and y dimension
 * calibrations.
 */
public final class DmFrameReader extends ContiguousFrameReader {

    private static final long serialVersionUID = 1L;
    private static final String IMAGES = "ImageList/";
    private static final String THUMBNAILS = "Thumbnails/";

    @Override
    public String format() {
        return "DigitalMicrograph file";
    }

    @Override
    Layout layout(String path, ByteReader in) throws IOException {
        DmTags tags = DmTags.read(in, IMAGES, THUMBNAILS);
        String image = IMAGES + chooseImage(tags) + "/ImageData/";
        List<Long> dims = new ArrayList<>();
        for (int d = 0; tags.get(image + "Dimensions/" + d) instanceof Long size; d++) {
            dims.add(size);
        }
        if (dims.size() < 2) {
            throw new ImageFormatException("DigitalMicrograph data with " + dims.size()
                    + " dimension(s) (a spectrum or profile?), not an image");
        }
        if (dims.size() > 3) {
            throw new ImageFormatException("DigitalMicrograph data with " + dims.size()
                    + " dimensions (a spectrum image or 4D-STEM?); symseg reads 2-D images and"
                    + " image stacks");
        }
        long frames = dims.size() == 3 ? dims.get(2) : 1;
        StoredType type = storedType(tags.get(image + "DataType"));
        ImageHeader header = ImageHeader.checked(path, dims.get(0), dims.get(1), frames,
                type.pixelType(), calibration(tags, image));
        if (!(tags.get(image + "Data") instanceof DmTags.ArrayRef data)) {
            throw new ImageFormatException("corrupt DigitalMicrograph file: the image has no"
                    + " data array");
        }
        long expected = (long) header.width() * header.height() * frames * type.bytes();
        if (data.bytes() != expected) {
            throw new ImageFormatException("corrupt DigitalMicrograph file: the data array holds "
                    + data.bytes() + " bytes but " + header.width() + "x" + header.height() + "x"
                    + frames + " " + type + " needs " + expected);
        }
        RawPlane first = new RawPlane(data.offset(), header.width(), header.height(), type,
                tags.valueOrder(), false);
        return new Layout(header, first);
    }

    /** The first listed image that no thumbnail entry points at (DM lists the thumbnail first). */
    private static long chooseImage(DmTags tags) throws ImageFormatException {
        TreeSet<Long> images = new TreeSet<>();
        Set<Long> thumbnails = new HashSet<>();
        for (var entry : tags.values().entrySet()) {
            String[] parts = entry.getKey().split("/");
            if (entry.getKey().startsWith(IMAGES) && parts.length == 4 && parts[3].equals("Data")
                    && parts[2].equals("ImageData") && parts[1].matches("\\d{1,9}")) {
                images.add(Long.parseLong(parts[1]));
            }
            if (entry.getKey().startsWith(THUMBNAILS) && entry.getKey().endsWith("/ImageIndex")
                    && entry.getValue() instanceof Long index) {
                thumbnails.add(index);
            }
        }
        if (images.isEmpty()) {
            throw new ImageFormatException("DigitalMicrograph file holds no image");
        }
        return images.stream().filter(i -> !thumbnails.contains(i)).findFirst()
                .orElse(images.last());
    }

    private static StoredType storedType(Object code) throws ImageFormatException {
        if (!(code instanceof Long c)) {
            throw new ImageFormatException("corrupt DigitalMicrograph file: the image has no"
                    + " data type");
        }
        return switch (c.intValue()) {
            case 1 -> StoredType.INT16;
            case 2 -> StoredType.FLOAT32;
            case 6, 14 -> StoredType.UINT8;
            case 7 -> StoredType.INT32;
            case 9 -> StoredType.INT8;
            case 10 -> StoredType.UINT16;
            case 11 -> StoredType.UINT32;
            case 12 -> StoredType.FLOAT64;
            case 3, 5, 13 -> throw new ImageFormatException("complex-valued DigitalMicrograph"
                    + " image (data type " + c + "); symseg segments real greyscale images only");
            case 8, 16, 17, 18, 19, 20, 23, 24, 25, 26, 27 -> throw new ImageFormatException(
                    "RGB colour DigitalMicrograph image (data type " + c + "); symseg reads"
                    + " greyscale images only (convert it first)");
            default -> throw new ImageFormatException("unsupported DigitalMicrograph data type "
                    + c);
        };
    }

    private static Calibration calibration(DmTags tags, String image) throws IOException {
        String dims = image + "Calibrations/Dimension/";
        if (!(tags.get(dims + "0/Scale") instanceof Double x)
                || !(tags.get(dims + "1/Scale") instanceof Double y)) {
            return Calibration.NONE;
        }
        String unit = tags.text(dims + "0/Units");
        return unit.equals(tags.text(dims + "1/Units")) ? Calibration.of(x, y, unit)
                : Calibration.NONE;
    }
}
