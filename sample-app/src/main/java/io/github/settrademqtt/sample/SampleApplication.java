package io.github.settrademqtt.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The settrade-mqtt sample application. With Settrade credentials in the environment it
 * logs in to Settrade; without, it starts the embedded simulator and logs in there.
 *
 * @author settrade-mqtt
 */
@SpringBootApplication
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
