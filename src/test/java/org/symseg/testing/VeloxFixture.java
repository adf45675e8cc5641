package org.symseg.testing;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Velox EMD files as the tests need them: {@code /Data/Image/ID/Data} (rows x columns x 1
 * frame, 16-bit) and, beside it, {@code Metadata}, a column of JSON bytes whose
 * {@code BinaryResult} names the detector and the pixel size, as Velox writes them.
 */
public final class VeloxFixture {

    /** One image of the file: its group name, detector and pixels (rows of columns). */
    public record Image(String id, String detector, short[][] pixels) {
    }

    private VeloxFixture() {
    }

    public static Path write(Path file, List<Image> images) {
        try (WritableHdfFile hdf = HdfFile.write(file)) {
            WritableGroup all = hdf.putGroup("Data").putGroup("Image");
            for (Image image : images) {
                WritableGroup group = all.putGroup(image.id());
                short[][][] data = new short[image.pixels().length][image.pixels()[0].length][1];
                for (int y = 0; y < data.length; y++) {
                    for (int x = 0; x < data[y].length; x++) {
                        data[y][x][0] = image.pixels()[y][x];
                    }
                }
                group.putDataset("Data", data);
                byte[] json = ("{\"BinaryResult\":{\"Detector\":\"" + image.detector() + "\","
                        + "\"PixelSize\":{\"width\":\"5e-11\",\"height\":\"5e-11\"},\"PixelUnitX\":\"m\"}}")
                        .getBytes(StandardCharsets.UTF_8);
                byte[][] metadata = new byte[json.length + 16][1];
                for (int i = 0; i < json.length; i++) {
                    metadata[i][0] = json[i];
                }
                group.putDataset("Metadata", metadata);
            }
        }
        return file;
    }

    /** Pixels of a float image (values within 16 bits), as rows. */
    public static short[][] rows(float[] pixels, int width, int height) {
        short[][] rows = new short[height][width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                rows[y][x] = (short) pixels[y * width + x];
            }
        }
        return rows;
    }
}
