package io.liandong.dispatch.domain.alert;

import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Writes a {@link CapAlert} as CAP 1.2 XML, elements in the order the CAP schema requires. */
public final class CapXml {

    public static final String NAMESPACE = "urn:oasis:names:tc:emergency:cap:1.2";

    /** CAP times carry an explicit offset and no fraction; "Z" is not allowed. */
    private static final DateTimeFormatter CAP_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private CapXml() {
    }

    public static String time(Instant instant) {
        return CAP_TIME.format(instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
    }

    public static String write(CapAlert a) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.setDefaultNamespace(NAMESPACE);
            w.writeStartElement(NAMESPACE, "alert");
            w.writeDefaultNamespace(NAMESPACE);
            element(w, "identifier", a.identifier());
            element(w, "sender", a.sender());
            element(w, "sent", time(a.sent()));
            element(w, "status", a.status());
            element(w, "msgType", a.msgType());
            element(w, "scope", a.scope());
            element(w, "note", a.note());
            if (!a.references().isEmpty()) {
                element(w, "references", String.join(" ", a.references()));
            }
            element(w, "incidents", a.incidents());
            w.writeStartElement(NAMESPACE, "info");
            element(w, "language", a.language());
            element(w, "category", a.category());
            element(w, "event", a.event());
            element(w, "responseType", a.responseType());
            element(w, "urgency", a.urgency());
            element(w, "severity", a.severity());
            element(w, "certainty", a.certainty());
            element(w, "expires", a.expires() == null ? null : time(a.expires()));
            element(w, "senderName", a.senderName());
            element(w, "headline", a.headline());
            element(w, "instruction", a.instruction());
            w.writeStartElement(NAMESPACE, "area");
            element(w, "areaDesc", a.areaDesc());
            element(w, "polygon", a.polygon());
            element(w, "circle", a.circle());
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write CAP alert " + a.identifier(), e);
        }
        return out.toString();
    }

    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        if (text == null) {
            return;
        }
        w.writeStartElement(NAMESPACE, name);
        w.writeCharacters(text);
        w.writeEndElement();
    }
}
