package io.liandong.dispatch.application;

import io.liandong.dispatch.persistence.AssignmentEntity;
import io.liandong.platform.security.IncidentAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** An agency reaches an incident it has an assignment in (also one referred to it). */
@ApplicationScoped
public class AssignedAgencies implements IncidentAccess {

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isAssigned(String agencyId, String incidentId) {
        return AssignmentEntity.count("incidentId = ?1 and agencyId = ?2", incidentId, agencyId) > 0;
    }
}
