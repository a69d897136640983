package org.trialstream.platform.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * Axon interrupts a handler thread that passes its timeout; on H2's default file system the interrupt closes the
 * store for every later statement ("The database has been closed"). The zero-setup URL must survive it.
 */
class H2InterruptTest {

    @TempDir
    Path dataDir;

    @Test
    void anInterruptedWriterLeavesTheLocalStoreOpenForEveryoneElse() throws Exception {
        String url = defaultJdbcUrl().replace("${TRIAL_DATA_DIR:./.trial/data}", dataDir.toString())
                .replace("${trial.context}", "dosing");
        assertThat(url).startsWith("jdbc:h2:");
        try (Connection survivor = DriverManager.getConnection(url, "sa", "")) {
            survivor.createStatement().execute("CREATE TABLE fact (id INT AUTO_INCREMENT PRIMARY KEY, v VARCHAR(600))");
            AtomicInteger written = new AtomicInteger();
            AtomicBoolean stop = new AtomicBoolean();
            // Like a command handler, the writer goes on writing whatever its thread's interrupt status says.
            Thread writer = new Thread(() -> {
                try (Connection connection = DriverManager.getConnection(url, "sa", "");
                     PreparedStatement insert = connection.prepareStatement("INSERT INTO fact (v) VALUES (?)")) {
                    while (!stop.get()) {
                        insert.setString(1, "x".repeat(500));
                        insert.execute();
                        written.incrementAndGet();
                    }
                } catch (Exception interrupted) {
                    // the writer may fail; the store must not
                }
            });
            writer.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> written.get() >= 2_000 || !writer.isAlive());
            for (int i = 0; i < 50 && writer.isAlive(); i++) {
                writer.interrupt();
                writer.join(10);
            }
            stop.set(true);
            writer.join();

            survivor.createStatement().execute("INSERT INTO fact (v) VALUES ('after the interrupt')");
            ResultSet last = survivor.createStatement().executeQuery("SELECT v FROM fact ORDER BY id DESC LIMIT 1");
            assertThat(last.next()).isTrue();
            assertThat(last.getString(1)).isEqualTo("after the interrupt");
        }
    }

    private static String defaultJdbcUrl() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("command-platform-defaults.yml"));
        Properties properties = yaml.getObject();
        String url = properties.getProperty("spring.datasource.url");
        return url.substring("${TRIAL_JDBC_URL:".length(), url.length() - 1);
    }
}
