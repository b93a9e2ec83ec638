package io.liandong.contracts;

import java.util.List;

/**
 * Kafka header names of a CloudEvent 1.0 in binary content mode.
 *
 * <p>Attributes travel as {@code ce_<name>} headers, the body is the bare JSON payload, and the
 * {@code datacontenttype} attribute maps to the plain {@code content-type} header
 * (CloudEvents Kafka protocol binding, section 3.2).
 */
public final class CloudEventHeaders {

    /** Prefix of every CloudEvent attribute header. */
    public static final String PREFIX = "ce_";

    public static final String CE_SPECVERSION = "ce_specversion";
    public static final String CE_ID = "ce_id";
    public static final String CE_SOURCE = "ce_source";
    public static final String CE_TYPE = "ce_type";
    public static final String CE_SUBJECT = "ce_subject";
    public static final String CE_TIME = "ce_time";
    /** The {@code datacontenttype} attribute; binary mode uses the unprefixed header. */
    public static final String CONTENT_TYPE = "content-type";

    /** Extension: the incident the event belongs to, absent for events outside any incident. */
    public static final String CE_INCIDENTID = "ce_incidentid";
    /** Extension: the id shared by every event of one causal chain (the first event's id). */
    public static final String CE_CORRELATIONID = "ce_correlationid";
    /** Extension: the id of the event whose handling produced this one. */
    public static final String CE_CAUSATIONID = "ce_causationid";

    /** Value of {@link #CE_SPECVERSION}. */
    public static final String SPEC_VERSION = "1.0";
    /** Value of {@link #CONTENT_TYPE}: every payload is JSON. */
    public static final String JSON_CONTENT_TYPE = "application/json";

    /** Headers every Liandong event carries. */
    public static final List<String> REQUIRED = List.of(
            CE_SPECVERSION, CE_ID, CE_SOURCE, CE_TYPE, CE_SUBJECT, CE_TIME, CONTENT_TYPE, CE_CORRELATIONID);

    /** Every header this contract defines, required or not. */
    public static final List<String> ALL = List.of(
            CE_SPECVERSION, CE_ID, CE_SOURCE, CE_TYPE, CE_SUBJECT, CE_TIME, CONTENT_TYPE,
            CE_INCIDENTID, CE_CORRELATIONID, CE_CAUSATIONID);

    private CloudEventHeaders() {
    }
}
