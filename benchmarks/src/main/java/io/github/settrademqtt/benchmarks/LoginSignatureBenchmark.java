package io.github.settrademqtt.benchmarks;

import java.util.concurrent.TimeUnit;

import io.github.settrademqtt.login.AppSecret;
import io.github.settrademqtt.login.EcdsaSettradeSigner;
import io.github.settrademqtt.login.SettradeSigner;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of signing a login request, and of parsing the secret it is signed with.
 *
 * @author settrade-mqtt
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LoginSignatureBenchmark {

	private static final String SECRET = "AIKi/X7lvfu0haz0SttdbCj+nXmWBt/jfrbPAHRjwNHq";

	private SettradeSigner signer;

	private String content;

	@Setup
	public void setUp() {
		this.signer = new EcdsaSettradeSigner(AppSecret.parse(SECRET));
		this.content = SettradeSigner.loginContent("benchmark-app", "", 1588137026555L);
	}

	@Benchmark
	public String sign() {
		return this.signer.sign(this.content);
	}

	@Benchmark
	public AppSecret parseSecret() {
		return AppSecret.parse(SECRET);
	}

}
