package io.liandong.followup.application;

import io.liandong.followup.persistence.ItemEntity;
import io.liandong.platform.security.IncidentAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** An agency reaches an incident whose follow-up gives it an item to carry out or to verify. */
@ApplicationScoped
public class AssignedAgencies implements IncidentAccess {

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isAssigned(String agencyId, String incidentId) {
        return ItemEntity.count("incidentId = ?1 and (responsibleAgencyId = ?2 or verifierAgencyId = ?2)", incidentId, agencyId) > 0;
    }
}
