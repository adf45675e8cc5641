package org.symseg.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {

    private static SegmentConfig load(String... keyValues) {
        Map<String, String> overrides = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            overrides.put(keyValues[i], keyValues[i + 1]);
        }
        return ConfigLoader.load(null, overrides);
    }

    @Test
    void defaultsAreTheReferenceModulesSettings() {
        SegmentConfig config = load();
        assertEquals(2, config.k());
        assertEquals(5, config.stride());
        assertEquals(20, config.patch());
        assertEquals(21, config.window());
        assertEquals(100, config.shifts());
        assertEquals(5, config.pca());
    }

    @Test
    void theDefaultComponentCountShrinksToAShorterDescriptor() {
        // rotation alone has one channel per angle: four by default
        assertEquals(4, load("descriptor", "rotation").pca());
        assertEquals(2, load("descriptor", "rotation", "angles", "90,180").pca());
    }

    @Test
    void aComponentCountTheUserGaveIsCheckedNotChanged() {
        ConfigException refused = assertThrows(ConfigException.class,
                () -> load("descriptor", "rotation", "pca", "5"));
        assertEquals("--pca 5: must be between 1 and the descriptor length 4", refused.getMessage());
    }

    @Test
    void aSampleStepEntersTheSettingsOnlyWhereItChangesDescriptors() {
        SegmentConfig exact = load("descriptor", "rotation");
        assertEquals(1, exact.sampleStep());
        assertEquals(false, exact.resultSettings().containsKey("sample-step"));
        SegmentConfig sampled = load("descriptor", "rotation", "sample-step", "3");
        assertEquals(3, sampled.resultSettings().get("sample-step"));
        assertEquals(false, exact.settingsHash().equals(sampled.settingsHash()));
        // translation reads no disk, and reflection always scores every sample
        assertEquals(load().settingsHash(), load("sample-step", "3").settingsHash());
        assertEquals(load("descriptor", "reflection").settingsHash(),
                load("descriptor", "reflection", "sample-step", "3").settingsHash());
    }

    @Test
    void aModelsSampleStepMustMatchEvenWhereOneSideLeavesItOut() {
        Map<String, Object> sampled = load("descriptor", "rotation", "sample-step", "3").resultSettings();
        ConfigException refused = assertThrows(ConfigException.class,
                () -> ConfigLoader.loadForModel(sampled, null, Map.of("sample-step", "1")));
        assertEquals("--sample-step 1: the model was fitted with sample-step 3; descriptor settings must "
                + "match the model's", refused.getMessage());
        Map<String, Object> exact = load("descriptor", "rotation").resultSettings();
        refused = assertThrows(ConfigException.class,
                () -> ConfigLoader.loadForModel(exact, null, Map.of("sample-step", "3")));
        assertEquals("--sample-step 3: the model was fitted with sample-step 1; descriptor settings must "
                + "match the model's", refused.getMessage());
        // the model's own step is taken when none is given
        assertEquals(3, ConfigLoader.loadForModel(sampled, null, Map.of()).sampleStep());
    }

    /**
     * Reflection descriptors are now scored on grids turned to their mirror lines: the settings
     * say so, so that a rerun does not reuse a model or outputs of the pixel-grid descriptors,
     * and a saved model without that setting is refused rather than fed descriptors it was not
     * fitted on.
     */
    @Test
    void reflectionSettingsNameTheTurnedGridAndModelsWithoutItAreRefused() {
        Map<String, Object> settings = load("descriptor", "reflection").resultSettings();
        assertEquals("turned", settings.get("mirror-grid"));
        assertEquals(false, load("descriptor", "rotation").resultSettings().containsKey("mirror-grid"));
        assertEquals(10, ConfigLoader.loadForModel(settings, null, Map.of()).mirrors());
        Map<String, Object> earlier = new java.util.LinkedHashMap<>(settings);
        earlier.remove("mirror-grid");
        ConfigException refused = assertThrows(ConfigException.class,
                () -> ConfigLoader.loadForModel(earlier, null, Map.of()));
        assertEquals("--model: fitted by an earlier symseg, without the descriptor setting mirror-grid "
                + "turned; fit it again", refused.getMessage());
    }

    @Test
    void reflectionRefusesARadiusItsSumsCannotHold() {
        ConfigException refused = assertThrows(ConfigException.class,
                () -> load("descriptor", "reflection", "radius", "101"));
        assertEquals("--radius 101: must be at most 100 for reflection", refused.getMessage());
        assertEquals(101, load("descriptor", "rotation", "radius", "101").radius());
    }
}
