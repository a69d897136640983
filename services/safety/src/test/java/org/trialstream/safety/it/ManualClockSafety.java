package org.trialstream.safety.it;

import java.util.List;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.testhelper.ManualScheduler;
import com.github.kagkarlsson.scheduler.testhelper.SettableClock;
import com.github.kagkarlsson.scheduler.testhelper.TestHelper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.trialstream.safety.SafetyApplication;

/**
 * The safety service whose deadline scheduler runs on a clock the test sets: db-scheduler's own manual scheduler, on
 * the service's real database. Not a {@code @Configuration}, so that component scanning never finds it; it is given
 * to the application builder as a source.
 */
@Import(SafetyApplication.class)
class ManualClockSafety {

    @Bean
    ManualScheduler scheduler(DataSource dataSource, List<Task<?>> tasks) {
        return TestHelper.createManualScheduler(new TransactionAwareDataSourceProxy(dataSource), tasks)
                .clock(new SettableClock())
                .build();
    }
}
