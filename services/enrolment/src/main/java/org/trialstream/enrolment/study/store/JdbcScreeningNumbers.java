package org.trialstream.enrolment.study.store;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.trialstream.enrolment.study.domain.ScreeningNumbers;
import org.trialstream.kernel.patient.PatientId;
import org.trialstream.platform.domain.StateConflict;

/**
 * The screening log as a table whose primary key is the screening number. The insert joins the command's
 * transaction: two concurrent screenings under one number meet at the key, and the second one is refused.
 */
public class JdbcScreeningNumbers implements ScreeningNumbers {

    private final JdbcTemplate jdbc;

    public JdbcScreeningNumbers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void take(String screeningNumber, PatientId patient) {
        try {
            jdbc.update("INSERT INTO screening_number (screening_number, patient_id) VALUES (?, ?)",
                    screeningNumber, patient.toString());
        } catch (DuplicateKeyException e) {
            throw new StateConflict("screeningNumber", "screening number " + screeningNumber + " is already in use");
        }
    }
}
