package org.symseg.pipeline;

/** symseg's own version, from the jar manifest; "dev" when run from classes. */
public final class Versions {

    private Versions() {
    }

    public static String symseg() {
        String version = Versions.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
