package io.camelparadigm.karaf;

import java.io.File;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Collectors;

import aQute.bnd.header.OSGiHeader;
import aQute.bnd.header.Parameters;
import aQute.bnd.osgi.Analyzer;
import aQute.bnd.osgi.Jar;
import io.camelparadigm.component.paradigm.ParadigmComponent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OSGi metadata of camel-paradigm-component, checked against the component's bytecode with bnd's own analysis.
 */
class ComponentBundleManifestTest {

    private static final String OWN_PACKAGES = "io.camelparadigm.";
    /** The non-optional imports, with their version ranges, the features.xml provides for. */
    private static final String EXPECTED_IMPORTS = "component-imports.txt";

    private final File component = componentLocation();

    @Test
    void exportsOnlyThePublicApiPackages() throws Exception {
        Parameters exports = OSGiHeader.parseHeader(manifest().getMainAttributes().getValue("Export-Package"));

        assertThat(exports.keySet()).containsExactlyInAnyOrder(
                "io.camelparadigm.component.paradigm",
                "io.camelparadigm.component.paradigm.client",
                "io.camelparadigm.component.paradigm.consumer",
                "io.camelparadigm.component.paradigm.model");
        assertThat(manifest().getMainAttributes().getValue("Bundle-SymbolicName"))
                .isEqualTo("io.camelparadigm.camel-paradigm-component");
    }

    @Test
    void importsAreExactlyThePackagesTheBytecodeUses() throws Exception {
        Set<String> referred;
        try (Jar jar = new Jar(component); Analyzer analyzer = new Analyzer(jar)) {
            analyzer.analyze();
            referred = analyzer.getReferred().keySet().stream()
                    .map(p -> p.getFQN())
                    .filter(p -> !p.startsWith(OWN_PACKAGES))
                    .collect(Collectors.toCollection(TreeSet::new));
        }

        assertThat(imports().keySet().stream().filter(p -> !p.startsWith(OWN_PACKAGES)))
                .containsExactlyInAnyOrderElementsOf(referred);
    }

    @Test
    void noNewNonOptionalImport() throws Exception {
        Set<String> actual = new TreeSet<>();
        imports().forEach((pkg, attrs) -> {
            // java.* come from the JVM, io.camelparadigm.* are the bundle's own exports, imported for substitution
            if (!"optional".equals(attrs.get("resolution:")) && !pkg.startsWith("java.") && !pkg.startsWith(OWN_PACKAGES)) {
                actual.add(attrs.getVersion() == null ? pkg : pkg + ";version=\"" + attrs.getVersion() + "\"");
            }
        });
        Set<String> expected;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(EXPECTED_IMPORTS)) {
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }

        assertThat(actual)
                .as("camel-paradigm-component's non-optional Import-Package. A new one needs a bundle in Karaf: make "
                    + "sure the camel-paradigm feature (src/main/feature/features.xml) provides it, then add it to "
                    + "src/test/resources/" + EXPECTED_IMPORTS)
                .containsExactlyElementsOf(expected);
    }

    private Parameters imports() throws Exception {
        return OSGiHeader.parseHeader(manifest().getMainAttributes().getValue("Import-Package"));
    }

    private Manifest manifest() throws Exception {
        if (component.isDirectory()) {
            try (InputStream in = Files.newInputStream(component.toPath().resolve("META-INF/MANIFEST.MF"))) {
                return new Manifest(in);
            }
        }
        try (JarFile jar = new JarFile(component)) {
            return jar.getManifest();
        }
    }

    /** The component's jar, or its classes folder when Maven's reactor stops before package. */
    private static File componentLocation() {
        try {
            URL location = ParadigmComponent.class.getProtectionDomain().getCodeSource().getLocation();
            return Path.of(location.toURI()).toFile();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
