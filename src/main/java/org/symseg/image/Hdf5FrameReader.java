package org.symseg.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;
import io.jhdf.object.datatype.OrderedDataType;
import io.jhdf.api.dataset.ContiguousDataset;
import java.nio.ByteOrder;
import java.util.Optional;
import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * HDF5 through the pure-Java jhdf library, in two layouts: Velox EMD (images under
 * {@code /Data/Image/ID/Data}, stored rows x columns x frames, pixel size in the JSON
 * {@code Metadata} beside them) and EMD 0.2 as NCEM and HyperSpy write it (a group marked
 * {@code emd_group_type = 1} holding {@code data}, frames x rows x columns, and one {@code dimN}
 * axis vector per dimension). A Velox file holds one image per detector of an acquisition
 * (HAADF, BF, DF4, ...; the name is {@code BinaryResult.Detector} in the image's metadata): the
 * one of the chosen detector is read, HAADF by default, and a file of a single image is read
 * whatever its detector. Of several EMD 0.2 groups, the first by name is read.
 */
public final class Hdf5FrameReader implements OpenedFileReader {

    private static final long serialVersionUID = 2L;
    private static final String DEFAULT_DETECTOR = "HAADF";
    private static final byte[] SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    /** No HDF5 filter symseg meets expands data more than this (deflate's limit is about 1032). */
    private static final long MAX_EXPANSION = 2000;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The detector whose image a Velox file of several images gives; empty: the default. */
    private final String detector;

    /** Reads the images of {@code detector} (any case) where a file holds several; empty: HAADF. */
    public Hdf5FrameReader(String detector) {
        this.detector = detector;
    }

    /** Where the frames are inside the dataset: which axis is which. */
    private record Layout(Dataset data, int yAxis, int xAxis, int frameAxis, ImageHeader header) {
    }

    /**
     * Where each frame's pixels lie in the file when the dataset is stored contiguously and
     * unfiltered with every frame a plane of rows (Velox images of one frame, EMD 0.2 stacks):
     * then a region is read as any uncompressed plane is, in a few requests, instead of through
     * jhdf, which reads such a region one pixel at a time.
     */
    private record Planes(ImageHeader header, long address, long frameBytes, StoredType type, ByteOrder order) {

        RawPlane plane(int frame) {
            return new RawPlane(address + frame * frameBytes, header.width(), header.height(), type, order, false);
        }
    }

    /** Planes of the files read last (by detector and path); empty where the frames are not planes. */
    private static final RememberedPerFile<Optional<Planes>> PLANES = new RememberedPerFile<>(64);

    @FunctionalInterface
    private interface HdfWork<T> {
        T apply(HdfFile file) throws IOException;
    }

    /** HDF5 files start with the signature, or carry it after a user block of 512, 1024, ... bytes. */
    static boolean hasMagic(byte[] head) {
        for (int at = 0; at + SIGNATURE.length <= head.length; at = at == 0 ? 512 : at * 2) {
            if (java.util.Arrays.equals(head, at, at + SIGNATURE.length, SIGNATURE, 0,
                    SIGNATURE.length)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String format() {
        return "HDF5 file";
    }

    @Override
    public ImageHeader header(String path, ByteReader in) throws IOException {
        Optional<Planes> planes = planes(path, in);
        return planes.isPresent() ? planes.get().header() : withFile(path, in, file -> layout(path, file).header());
    }

    @Override
    public float[] read(String path, ByteReader in, int frame, Rect region) throws IOException {
        Optional<Planes> planes = planes(path, in);
        if (planes.isPresent()) {
            planes.get().header().checkRegion(frame, region);
            return planes.get().plane(frame).read(in, region);
        }
        return withFile(path, in, file -> {
            Layout layout = layout(path, file);
            layout.header().checkRegion(frame, region);
            return jhdfRegion(layout, frame, region);
        });
    }

    /** A frame's region as jhdf reads it. */
    private static float[] jhdfRegion(Layout layout, int frame, Rect region) {
        int rank = layout.data().getDimensions().length;
        long[] offset = new long[rank];
        int[] shape = new int[rank];
        java.util.Arrays.fill(shape, 1);
        offset[layout.yAxis()] = region.y();
        offset[layout.xAxis()] = region.x();
        shape[layout.yAxis()] = region.height();
        shape[layout.xAxis()] = region.width();
        if (layout.frameAxis() >= 0) {
            offset[layout.frameAxis()] = frame;
        }
        float[] out = new float[(int) region.area()];
        Object block = layout.data().getData(offset, shape);
        int[] index = new int[rank];
        for (int y = 0; y < region.height(); y++) {
            for (int x = 0; x < region.width(); x++) {
                index[layout.yAxis()] = y;
                index[layout.xAxis()] = x;
                out[y * region.width() + x] = element(block, index);
            }
        }
        return out;
    }

    private Optional<Planes> planes(String path, ByteReader in) throws IOException {
        return PLANES.of(detector + '\n' + path, in, () -> withFile(path, in, file -> planesOf(layout(path, file), file, in)));
    }

    /** The frames as planes, if the dataset stores them so (checked on the last pixel). */
    private static Optional<Planes> planesOf(Layout layout, HdfFile file, ByteReader in) throws IOException {
        if (!(layout.data() instanceof ContiguousDataset contiguous) || !layout.data().getFilters().isEmpty()) {
            return Optional.empty();
        }
        StoredType type = storedType(layout.data().getDataType());
        long[] dims = layout.data().getDimensionsAsLong();
        long[] stride = new long[dims.length];
        stride[dims.length - 1] = 1;
        for (int k = dims.length - 2; k >= 0; k--) {
            stride[k] = stride[k + 1] * dims[k + 1];
        }
        ImageHeader header = layout.header();
        if (type == null || stride[layout.xAxis()] != 1 || stride[layout.yAxis()] != header.width()) {
            return Optional.empty();
        }
        long frameBytes = layout.frameAxis() < 0 ? 0 : stride[layout.frameAxis()] * type.bytes();
        ByteOrder order = ((OrderedDataType) layout.data().getDataType()).getByteOrder();
        Planes planes = new Planes(header, file.getUserBlockSize() + contiguous.getDataAddress(), frameBytes, type,
                order);
        // the last pixel of the last frame, as jhdf reads it, tells whether the addresses are right
        int last = (int) header.frames() - 1;
        Rect corner = new Rect(header.width() - 1, header.height() - 1, 1, 1);
        float expected = jhdfRegion(layout, last, corner)[0];
        float[] actual = planes.plane(last).read(in, corner);
        return Float.floatToIntBits(actual[0]) == Float.floatToIntBits(expected) ? Optional.of(planes) : Optional.empty();
    }

    /** jhdf's work on the file {@code in} reads, through a window sized for where the file lies. */
    private static <T> T withFile(String path, ByteReader in, HdfWork<T> work) throws IOException {
        int window = in.local() ? HadoopByteChannel.LOCAL_WINDOW : HadoopByteChannel.REMOTE_WINDOW;
        try (HadoopByteChannel channel = new HadoopByteChannel(in, window);
                HdfFile file = new HdfFile(channel, Storage.toUri(path))) {
            return work.apply(file);
        } catch (ImageFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ImageFormatException("corrupt or unsupported HDF5 file ("
                    + oneLine(e) + ")", e);
        }
    }

    private Layout layout(String path, HdfFile file) throws IOException {
        if (file.getChildren().get("Data") instanceof Group data
                && data.getChildren().get("Image") instanceof Group velox) {
            return velox(path, file, velox);
        }
        Group emd = findEmdGroup(file, 0);
        if (emd != null) {
            return emd(path, file, emd);
        }
        throw new ImageFormatException("HDF5 file without an image symseg knows: expected Velox"
                + " /Data/Image/*/Data or an EMD group with emd_group_type = 1");
    }

    /** A Velox image: its group, and its metadata's {@code BinaryResult}. */
    private record VeloxImage(Group group, JsonNode result) {
    }

    private Layout velox(String path, HdfFile file, Group images) throws IOException {
        List<VeloxImage> all = new ArrayList<>();
        for (Node node : new TreeMap<>(images.getChildren()).values()) {
            if (node instanceof Group image && image.getChildren().get("Data") instanceof Dataset) {
                all.add(new VeloxImage(image, veloxResult(image.getChildren().get("Metadata"))));
            }
        }
        if (all.isEmpty()) {
            throw new ImageFormatException("Velox file without an image (/Data/Image/*/Data)");
        }
        VeloxImage chosen = all.size() == 1 ? all.get(0) : ofDetector(all);
        Dataset data = (Dataset) chosen.group().getChildren().get("Data");
        long[] dims = data.getDimensionsAsLong();
        if (dims.length != 3 && dims.length != 2) {
            throw new ImageFormatException("Velox image " + chosen.group().getName() + " has "
                    + dims.length + " dimensions; symseg reads 2-D images and stacks");
        }
        long frames = dims.length == 3 ? dims[2] : 1;
        JsonNode result = chosen.result();
        JsonNode size = result.path("PixelSize");
        Calibration calibration = Calibration.of(size.path("width").asDouble(0),
                size.path("height").asDouble(0), result.path("PixelUnitX").asText(""));
        ImageHeader header = ImageHeader.checked(path, dims[1], dims[0], frames,
                pixelType(data), calibration);
        checkStored(data, file);
        return new Layout(data, 0, 1, dims.length == 3 ? 2 : -1, header);
    }

    /** The first image (by name) of the chosen detector. */
    private VeloxImage ofDetector(List<VeloxImage> images) throws ImageFormatException {
        String wanted = detector.isEmpty() ? DEFAULT_DETECTOR : detector;
        Set<String> found = new TreeSet<>();
        for (VeloxImage image : images) {
            String name = image.result().path("Detector").asText("");
            if (name.equalsIgnoreCase(wanted)) {
                return image;
            }
            found.add(name.isEmpty() ? "(unnamed)" : name);
        }
        throw new ImageFormatException("holds " + images.size() + " images, from detectors "
                + String.join(", ", found) + ", and none from " + wanted + ": choose one with --detector");
    }

    /**
     * The {@code BinaryResult} part of frame 0's metadata: detector and pixel size. Velox keeps
     * per-frame JSON metadata as columns of bytes. Missing or unreadable: an empty node (the image
     * reads without it, uncalibrated).
     */
    private static JsonNode veloxResult(Node metadata) {
        if (!(metadata instanceof Dataset meta) || meta.getDimensions().length != 2) {
            return MissingNode.getInstance();
        }
        try {
            int length = meta.getDimensions()[0];
            Object column = meta.getData(new long[] {0, 0}, new int[] {length, 1});
            byte[] bytes = new byte[length];
            int used = 0;
            for (int i = 0; i < length; i++) {
                int b = (int) element(column, new int[] {i, 0});
                if (b == 0) {
                    break;
                }
                bytes[used++] = (byte) b;
            }
            return JSON.readTree(new String(bytes, 0, used, StandardCharsets.UTF_8)).path("BinaryResult");
        } catch (IOException | RuntimeException e) {
            return MissingNode.getInstance();
        }
    }

    /** Looks a few levels down for a group marked as an EMD data group. */
    private static Group findEmdGroup(Group group, int depth) {
        if (depth > 4) {
            return null;
        }
        TreeMap<String, Node> byName = new TreeMap<>(group.getChildren());
        for (Node node : byName.values()) {
            if (node instanceof Group child && !child.isLink()) {
                Attribute type = child.getAttribute("emd_group_type");
                if (type != null && type.getData() instanceof Number n && n.intValue() == 1
                        && child.getChildren().get("data") instanceof Dataset) {
                    return child;
                }
                Group found = findEmdGroup(child, depth + 1);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static Layout emd(String path, HdfFile file, Group group) throws IOException {
        Dataset data = (Dataset) group.getChildren().get("data");
        long[] dims = data.getDimensionsAsLong();
        if (dims.length != 2 && dims.length != 3) {
            throw new ImageFormatException("EMD data with " + dims.length + " dimensions; symseg"
                    + " reads 2-D images and stacks");
        }
        int y = dims.length - 2;
        int x = dims.length - 1;
        long frames = dims.length == 3 ? dims[0] : 1;
        ImageHeader header = ImageHeader.checked(path, dims[x], dims[y], frames, pixelType(data),
                emdCalibration(group, y + 1, x + 1));
        checkStored(data, file);
        return new Layout(data, y, x, dims.length == 3 ? 0 : -1, header);
    }

    /** EMD axis vectors dim1..dimN: the step between the first two values, units like "[n_m]". */
    private static Calibration emdCalibration(Group group, int yDim, int xDim) {
        try {
            double[] step = new double[2];
            String unit = null;
            int[] dims = {xDim, yDim};
            for (int i = 0; i < 2; i++) {
                if (!(group.getChildren().get("dim" + dims[i]) instanceof Dataset axis)
                        || axis.getDimensions().length != 1 || axis.getDimensions()[0] < 2) {
                    return Calibration.NONE;
                }
                Object first = axis.getData(new long[] {0}, new int[] {2});
                step[i] = element(first, new int[] {1}) - element(first, new int[] {0});
                Attribute units = axis.getAttribute("units");
                String u = units == null ? "" : String.valueOf(units.getData())
                        .replaceAll("[\\[\\]_]", "");
                if (unit != null && !unit.equals(u)) {
                    return Calibration.NONE;
                }
                unit = u;
            }
            return Calibration.of(step[0], step[1], unit);
        } catch (RuntimeException e) {
            return Calibration.NONE;
        }
    }

    private static PixelType pixelType(Dataset data) throws ImageFormatException {
        DataType type = data.getDataType();
        StoredType stored = storedType(type);
        if (stored != null) {
            return stored.pixelType();
        }
        if (type instanceof FixedPoint || type instanceof FloatingPoint) {
            // no exact 64-bit integer type: such values go through the frame's range, like floats
            return PixelType.FLOAT64;
        }
        throw new ImageFormatException("HDF5 image of " + type.getClass().getSimpleName()
                + " values (complex or compound?); symseg segments real greyscale images only");
    }

    /** The header's size must be plausible for what the file stores. */
    private static void checkStored(Dataset data, HdfFile file) throws ImageFormatException {
        long bytes = data.getSizeInBytes();
        long limit = data.getFilters().isEmpty() ? file.size() : file.size() * MAX_EXPANSION;
        if (bytes > limit) {
            throw new ImageFormatException("corrupt HDF5 file: the image claims " + bytes
                    + " bytes of data but the file has " + file.size());
        }
    }

    /** How the file stores a pixel, for the types symseg reads straight from the file; else null. */
    private static StoredType storedType(DataType type) {
        if (type instanceof FloatingPoint) {
            return switch (type.getSize()) {
                case 2 -> StoredType.FLOAT16;
                case 4 -> StoredType.FLOAT32;
                case 8 -> StoredType.FLOAT64;
                default -> null;
            };
        }
        if (type instanceof FixedPoint fixed) {
            boolean signed = fixed.isSigned();
            return switch (type.getSize()) {
                case 1 -> signed ? StoredType.INT8 : StoredType.UINT8;
                case 2 -> signed ? StoredType.INT16 : StoredType.UINT16;
                case 4 -> signed ? StoredType.INT32 : StoredType.UINT32;
                default -> null;
            };
        }
        return null;
    }

    /** One value of a (possibly multi-dimensional) Java array as jhdf returns it. */
    private static float element(Object array, int[] index) {
        Object a = array;
        for (int i = 0; i < index.length - 1; i++) {
            a = Array.get(a, index[i]);
        }
        Object value = Array.get(a, index[index.length - 1]);
        return ((Number) value).floatValue();
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage();
        String text = e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        return text.lines().findFirst().orElse(text);
    }
}
