package io.liandong.dispatch.domain.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The CAP writer against the CAP 1.2 schema (the subset in test resources) and element by element. */
public class CapXmlTest {

    static final Instant SENT = Instant.parse("2026-03-14T05:55:00Z");

    static CapAlert binjiang(String msgType, List<String> references) {
        return new CapAlert("liandong-dispatch-alr-1-2", "command-hq@liandong.example", SENT, "Actual", msgType, "Public",
                null, references, "inc-2026-0107", "zh-CN", "Safety", "商业纠纷 (commercial dispute)", "Avoid", "Immediate",
                "Severe", "Observed", SENT.plusSeconds(7200), "City command HQ", "滨江商圈管理处周边请绕行",
                "请从东侧出口离开 <勿围观> & 保持秩序", "滨江商圈管理处 300 米范围", null, "30.2084,120.2119 0.3");
    }

    /** Validates against the schema subset and answers the parsed document. */
    public static Document validate(String xml) throws Exception {
        var factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        var schema = factory.newSchema(CapXmlTest.class.getResource("/cap/CAP-v1.2-subset.xsd"));
        schema.newValidator().validate(new StreamSource(new StringReader(xml)));
        var builder = DocumentBuilderFactory.newInstance();
        builder.setNamespaceAware(true);
        return builder.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    public static String text(Document doc, String element) {
        var nodes = doc.getElementsByTagNameNS(CapXml.NAMESPACE, element);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
    }

    @Test
    void anUpdateIsValidCapWithEveryElementInPlace() throws Exception {
        String xml = CapXml.write(binjiang("Update",
                List.of("command-hq@liandong.example,liandong-dispatch-alr-1-1,2026-03-14T05:50:00+00:00")));
        Document doc = validate(xml);

        Element alert = doc.getDocumentElement();
        assertThat(alert.getNamespaceURI()).isEqualTo("urn:oasis:names:tc:emergency:cap:1.2");
        assertThat(alert.getLocalName()).isEqualTo("alert");
        assertThat(text(doc, "identifier")).isEqualTo("liandong-dispatch-alr-1-2");
        assertThat(text(doc, "sender")).isEqualTo("command-hq@liandong.example");
        assertThat(text(doc, "sent")).isEqualTo("2026-03-14T05:55:00+00:00");
        assertThat(text(doc, "status")).isEqualTo("Actual");
        assertThat(text(doc, "msgType")).isEqualTo("Update");
        assertThat(text(doc, "scope")).isEqualTo("Public");
        assertThat(text(doc, "references")).isEqualTo("command-hq@liandong.example,liandong-dispatch-alr-1-1,2026-03-14T05:50:00+00:00");
        assertThat(text(doc, "category")).isEqualTo("Safety");
        assertThat(text(doc, "event")).isEqualTo("商业纠纷 (commercial dispute)");
        assertThat(text(doc, "responseType")).isEqualTo("Avoid");
        assertThat(text(doc, "urgency")).isEqualTo("Immediate");
        assertThat(text(doc, "severity")).isEqualTo("Severe");
        assertThat(text(doc, "certainty")).isEqualTo("Observed");
        assertThat(text(doc, "expires")).isEqualTo("2026-03-14T07:55:00+00:00");
        assertThat(text(doc, "headline")).isEqualTo("滨江商圈管理处周边请绕行");
        assertThat(text(doc, "instruction")).isEqualTo("请从东侧出口离开 <勿围观> & 保持秩序");
        assertThat(text(doc, "areaDesc")).isEqualTo("滨江商圈管理处 300 米范围");
        assertThat(text(doc, "circle")).isEqualTo("30.2084,120.2119 0.3");
    }

    @Test
    void aFirstAlertHasNoReferencesAndAPolygonAreaIsValid() throws Exception {
        CapAlert first = binjiang("Alert", List.of());
        CapAlert polygon = new CapAlert(first.identifier(), first.sender(), first.sent(), first.status(), first.msgType(),
                first.scope(), null, List.of(), first.incidents(), first.language(), first.category(), first.event(),
                first.responseType(), first.urgency(), first.severity(), first.certainty(), first.expires(),
                first.senderName(), first.headline(), first.instruction(), first.areaDesc(),
                "30.2,120.2 30.21,120.2 30.21,120.22 30.2,120.2", null);
        Document doc = validate(CapXml.write(polygon));
        assertThat(text(doc, "references")).isNull();
        assertThat(text(doc, "polygon")).isEqualTo("30.2,120.2 30.21,120.2 30.21,120.22 30.2,120.2");
    }

    @Test
    void theSchemaCatchesWhatCapForbids() {
        String zulu = CapXml.write(binjiang("Alert", List.of())).replace("2026-03-14T05:55:00+00:00", "2026-03-14T05:55:00Z");
        assertThatThrownBy(() -> validate(zulu)).isInstanceOf(org.xml.sax.SAXException.class).hasMessageContaining("2026-03-14T05:55:00Z");
        String wrongType = CapXml.write(binjiang("Alert", List.of())).replace(">Alert<", ">Announcement<");
        assertThatThrownBy(() -> validate(wrongType)).isInstanceOf(org.xml.sax.SAXException.class);
    }
}
