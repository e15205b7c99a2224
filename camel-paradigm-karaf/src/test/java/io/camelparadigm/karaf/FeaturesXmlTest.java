package io.camelparadigm.karaf;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;

/** The features repository, as Karaf reads it. */
class FeaturesXmlTest {

    private static final String FEATURES_NS = "http://karaf.apache.org/xmlns/features/v1.6.0";
    private static final File FEATURES = new File(System.getProperty("features.file"));
    private static final File CAMEL_KARAF_FEATURES = new File(System.getProperty("camel-karaf.features.file"));

    @Test
    void validatesAgainstKarafsFeaturesSchema() throws Exception {
        var xsd = getClass().getClassLoader().getResource("org/apache/karaf/features/karaf-features-1.6.0.xsd");
        assertThat(xsd).as("Karaf's features XSD, from org.apache.karaf.features.core").isNotNull();

        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(xsd).newValidator()
                .validate(new StreamSource(FEATURES));
    }

    @Test
    void theCamelParadigmFeatureInstallsTheComponentOnCamelKarafsFeatures() throws Exception {
        Element feature = feature(parse(FEATURES), "camel-paradigm");

        assertThat(childTexts(feature, "feature")).containsExactly("camel-core", "http-client", "jackson");
        assertThat(childTexts(feature, "bundle"))
                .anySatisfy(b -> assertThat(b).startsWith("mvn:io.camelparadigm/camel-paradigm-component/"))
                .anySatisfy(b -> assertThat(b).contains("jackson-datatype-jsr310"))
                .anySatisfy(b -> assertThat(b).startsWith("wrap:mvn:com.netflix.concurrency-limits/"));
    }

    @Test
    void everyFeatureItDependsOnExistsInCamelKaraf() throws Exception {
        Element feature = feature(parse(FEATURES), "camel-paradigm");
        List<String> camelKarafFeatures = new ArrayList<>();
        NodeList all = parse(CAMEL_KARAF_FEATURES).getDocumentElement().getElementsByTagNameNS(FEATURES_NS, "feature");
        for (int i = 0; i < all.getLength(); i++) {
            camelKarafFeatures.add(((Element) all.item(i)).getAttribute("name"));
        }

        assertThat(camelKarafFeatures).containsAll(childTexts(feature, "feature"));
    }

    private static Document parse(File file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(file);
    }

    private static Element feature(Document features, String name) {
        NodeList children = features.getDocumentElement().getElementsByTagNameNS(FEATURES_NS, "feature");
        for (int i = 0; i < children.getLength(); i++) {
            Element feature = (Element) children.item(i);
            if (feature.getParentNode() == features.getDocumentElement() && name.equals(feature.getAttribute("name"))) {
                return feature;
            }
        }
        throw new AssertionError("no feature " + name + " in " + FEATURES);
    }

    private static List<String> childTexts(Element parent, String name) {
        List<String> texts = new ArrayList<>();
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element child && name.equals(child.getLocalName())) {
                texts.add(child.getTextContent().trim());
            }
        }
        return texts;
    }
}
