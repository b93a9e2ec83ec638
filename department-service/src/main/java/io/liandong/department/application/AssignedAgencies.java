package io.liandong.department.application;

import io.liandong.department.persistence.InboxAssignmentEntity;
import io.liandong.platform.security.IncidentAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** An agency reaches an incident that has (or had) an assignment in its inbox. */
@ApplicationScoped
public class AssignedAgencies implements IncidentAccess {

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isAssigned(String agencyId, String incidentId) {
        return InboxAssignmentEntity.count("incidentId = ?1 and agencyId = ?2", incidentId, agencyId) > 0;
    }
}
