package org.trialstream.enrolment.study.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Fills the screening-number table from the {@code PatientScreened} facts of a store written before it existed
 * (under the contract name, or the class name the first stores used), so that those numbers stay taken.
 */
public class V1001__BackfillScreeningNumbers extends BaseJavaMigration {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (PreparedStatement screened = connection.prepareStatement("SELECT payload FROM domain_event_entry "
                + "WHERE payload_type IN ('enrolment.PatientScreened', "
                + "'org.trialstream.kernel.contract.enrolment.PatientScreened') ORDER BY global_index");
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO screening_number (screening_number, patient_id) VALUES (?, ?)");
             ResultSet rows = screened.executeQuery()) {
            while (rows.next()) {
                JsonNode fact = JSON.readTree(rows.getBytes(1));
                insert.setString(1, fact.path("screeningNumber").asText());
                insert.setString(2, fact.path("patientId").asText());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
