package org.symseg.image;

import java.io.IOException;

/**
 * A format whose frames are uncompressed and stored one after another (DM3/DM4, MRC): the
 * subclass finds the header and the first frame; region reads follow from them.
 */
abstract class ContiguousFrameReader implements OpenedFileReader {

    private static final long serialVersionUID = 1L;

    /** The header and where the first frame lies; frame f starts f frame sizes later. */
    record Layout(ImageHeader header, RawPlane first) {

        RawPlane plane(int frame) {
            return new RawPlane(first.offset() + frame * first.bytes(), first.width(),
                    first.height(), first.type(), first.order(), false);
        }
    }

    /** Layouts of the files read last, by format: every tile would otherwise parse the header again. */
    private static final RememberedPerFile<Layout> LAID_OUT = new RememberedPerFile<>(64);

    abstract Layout layout(String path, ByteReader in) throws IOException;

    private Layout layoutOf(String path, ByteReader in) throws IOException {
        return LAID_OUT.of(format() + '\n' + path, in, () -> layout(path, in));
    }

    @Override
    public final ImageHeader header(String path, ByteReader in) throws IOException {
        return layoutOf(path, in).header();
    }

    @Override
    public final float[] read(String path, ByteReader in, int frame, Rect region) throws IOException {
        Layout layout = layoutOf(path, in);
        layout.header().checkRegion(frame, region);
        return layout.plane(frame).read(in, region);
    }
}
