package io.liandong.grievance.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Open311FormatTest {

    @Test
    void oneStructureGivesTheSameFieldsInJsonAndXml() {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("service_request_id", "grv-1");
        request.put("status_notes", null);
        request.put("description", "租金 <上涨> & \"管理费\"");
        request.put("lat", 30.2084);

        assertThat(Open311Format.json(List.of(request)))
                .isEqualTo("[{\"service_request_id\":\"grv-1\",\"status_notes\":null,\"description\":\"租金 <上涨> & \\\"管理费\\\"\",\"lat\":30.2084}]");
        assertThat(Open311Format.xml("service_requests", List.of(request))).isEqualTo(
                "<?xml version=\"1.0\" encoding=\"utf-8\"?><service_requests><request><service_request_id>grv-1</service_request_id>"
                        + "<status_notes></status_notes><description>租金 &lt;上涨&gt; &amp; &quot;管理费&quot;</description>"
                        + "<lat>30.2084</lat></request></service_requests>");
    }

    @Test
    void listsAreNamedAsTheSpecificationNamesThem() {
        assertThat(Open311Format.itemName("services")).isEqualTo("service");
        assertThat(Open311Format.itemName("service_requests")).isEqualTo("request");
        assertThat(Open311Format.itemName("errors")).isEqualTo("error");
        assertThat(Open311Format.itemName("attributes")).isEqualTo("attribute");
        assertThat(Open311Format.itemName("values")).isEqualTo("value");
    }
}
