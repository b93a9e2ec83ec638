package io.liandong.department.support;

/** The Binjiang mediation as the commerce bureau records it (DOMAIN.md). */
public final class Binjiang {

    private Binjiang() {
    }

    public static final String SESSION = """
            {"location": "滨江商圈管理处二楼会议室 (meeting room, 2nd floor, management office)",
             "representatives": [
               {"partyId": "binjiang-merchants", "name": "陈建国", "role": "商户代表 (merchants' representative)"},
               {"partyId": "binjiang-management-co", "name": "王丽", "role": "物业公司总经理 (general manager)"}],
             "demands": [
               {"partyId": "binjiang-merchants", "demand": "暂缓租金上调，或分期执行 (postpone the increase, or phase it in)"},
               {"partyId": "binjiang-merchants", "demand": "设立商户诉求快速响应渠道 (a fast response channel)"},
               {"partyId": "binjiang-management-co", "demand": "租金按合同约定调整 (rents adjusted as the leases allow)"}],
             "summary": "Both sides stated their positions."}""";

    public static final String PROPOSAL = """
            {"proposedBy": "commerce-bureau",
             "terms": ["租金分三期在十二个月内上调到位 (rents rise in three stages over twelve months)",
                       "管理费减免一成，为期三个月 (management fee cut by 10% for three months)"]}""";

    public static final String COUNTER = """
            {"partyId": "binjiang-merchants", "answer": "counter",
             "counterTerms": ["管理费减免两成，为期六个月 (fee cut by 20% for six months)",
                              "每月召开一次商户协商会 (a consultation with merchants every month)"]}""";

    public static final String FINAL_PROPOSAL = """
            {"proposedBy": "commerce-bureau",
             "terms": ["租金分三期在十二个月内上调到位 (rents rise in three stages over twelve months)",
                       "管理费减免两成，为期六个月 (fee cut by 20% for six months)",
                       "每月召开一次商户协商会 (a consultation with merchants every month)",
                       "商务局每月检查落实情况 (the commerce bureau checks implementation monthly)"]}""";

    /** Signed at 2026-03-14T10:20Z: the four commitments of the Binjiang agreement. */
    public static final String AGREEMENT = """
            {"signedAt": "2026-03-14T10:20:00Z",
             "signatories": [
               {"partyId": "binjiang-merchants", "name": "陈建国", "role": "商户代表 (merchants' representative)"},
               {"partyId": "binjiang-management-co", "name": "王丽", "role": "物业公司总经理 (general manager)"},
               {"partyId": "commerce-bureau", "name": "刘明", "role": "调解员，见证人 (mediator, witness)"}],
             "commitments": [
               {"owner": {"kind": "party", "id": "binjiang-management-co"},
                "action": "租金分三期在十二个月内上调到位 (raise rents in three stages over twelve months)",
                "dueAt": "2027-02-28T16:00:00Z",
                "verification": {"verifierAgencyId": "commerce-bureau", "beneficiaryConfirmation": true,
                                 "evidence": "Lease addendum for each merchant showing the rent of each stage."},
                "schedule": {"kind": "staged", "stages": [
                   {"stage": 1, "dueAt": "2026-03-31T16:00:00Z", "description": "First third, from 1 April 2026."},
                   {"stage": 2, "dueAt": "2026-08-31T16:00:00Z", "description": "Second third, from 1 September 2026."},
                   {"stage": 3, "dueAt": "2027-02-28T16:00:00Z", "description": "Final third, from 1 March 2027."}]},
                "beneficiaries": ["binjiang-merchants"]},
               {"owner": {"kind": "party", "id": "binjiang-management-co"},
                "action": "管理费减免两成，为期六个月 (cut the management fee by 20% for six months)",
                "dueAt": "2026-08-31T16:00:00Z",
                "verification": {"verifierAgencyId": "commerce-bureau", "beneficiaryConfirmation": true,
                                 "evidence": "Monthly fee invoices."},
                "schedule": {"kind": "recurring", "startsAt": "2026-03-31T16:00:00Z", "every": "P1M", "occurrences": 6},
                "beneficiaries": ["binjiang-merchants"]},
               {"owner": {"kind": "party", "id": "binjiang-management-co"},
                "action": "每月与商户代表召开一次协商会 (a consultation with merchant representatives every month)",
                "dueAt": "2027-03-14T06:00:00Z",
                "verification": {"verifierAgencyId": "commerce-bureau", "beneficiaryConfirmation": true,
                                 "evidence": "Minutes signed by the merchants' representative."},
                "schedule": {"kind": "recurring", "startsAt": "2026-04-14T06:00:00Z", "every": "P1M", "occurrences": 12},
                "beneficiaries": ["binjiang-merchants"]},
               {"owner": {"kind": "agency", "id": "commerce-bureau"},
                "action": "商务局每月检查协议落实情况 (the commerce bureau checks implementation every month)",
                "dueAt": "2027-03-28T08:00:00Z",
                "verification": {"verifierAgencyId": "city-command-hq", "beneficiaryConfirmation": false,
                                 "evidence": "Monthly inspection report."},
                "schedule": {"kind": "recurring", "startsAt": "2026-04-28T08:00:00Z", "every": "P1M", "occurrences": 12},
                "beneficiaries": ["binjiang-merchants", "binjiang-management-co"]}],
             "summary": "分期调租加减免管理费 (a phased rent increase plus a reduced management fee)"}""";
}
