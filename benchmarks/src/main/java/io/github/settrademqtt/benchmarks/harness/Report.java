package io.github.settrademqtt.benchmarks.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The numbers a harness run produced, as Markdown: logged as they come and written to
 * {@code <out>/<name>.md} at the end, headed by the machine and the arguments, so that
 * every figure in {@code docs/benchmarks.md} can be traced to a file a run wrote.
 *
 * @author settrade-mqtt
 */
public final class Report {

	private static final Log logger = LogFactory.getLog(Report.class);

	private final String name;

	private final List<String> lines = new ArrayList<>();

	/**
	 * Start a report headed by the machine it runs on.
	 * @param name the harness's name, which names the file
	 * @param arguments the run's arguments
	 */
	public Report(String name, HarnessArguments arguments) {
		this.name = name;
		line("# " + name + ", " + LocalDate.now());
		line("");
		line("- machine: " + machine());
		line("- arguments: `" + arguments + "`");
		line("");
	}

	/**
	 * Add a line, and log it as it comes.
	 * @param line the Markdown line
	 */
	public void line(String line) {
		this.lines.add(line);
		logger.info(line);
	}

	/**
	 * Add a formatted line, and log it.
	 * @param format the format, {@link Locale#ROOT}
	 * @param args its arguments
	 */
	public void line(String format, Object... args) {
		line(String.format(Locale.ROOT, format, args));
	}

	/**
	 * Return the lines so far.
	 * @return the lines
	 */
	public List<String> lines() {
		return List.copyOf(this.lines);
	}

	/**
	 * Write the report to {@code <directory>/<name>.md}.
	 * @param directory where to write
	 * @return the file written
	 */
	public Path writeTo(Path directory) {
		try {
			Files.createDirectories(directory);
			Path file = directory.resolve(this.name + ".md");
			Files.write(file, this.lines, StandardCharsets.UTF_8);
			logger.info("Written to " + file.toAbsolutePath());
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the report to " + directory, ex);
		}
	}

	private static String machine() {
		Runtime runtime = Runtime.getRuntime();
		return String.format(Locale.ROOT, "%d cores (%s), %s %s, max heap %d MB, load average %.2f at start",
				runtime.availableProcessors(), cpuModel(), System.getProperty("java.vm.name"),
				System.getProperty("java.runtime.version"), runtime.maxMemory() / (1024 * 1024),
				ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
	}

	private static String cpuModel() {
		Path cpuinfo = Path.of("/proc/cpuinfo");
		if (!Files.isReadable(cpuinfo)) {
			return System.getProperty("os.arch");
		}
		try (Stream<String> lines = Files.lines(cpuinfo)) {
			return lines.filter((line) -> line.startsWith("model name"))
				.map((line) -> line.substring(line.indexOf(':') + 1).strip())
				.findFirst()
				.orElse(System.getProperty("os.arch"));
		}
		catch (IOException ex) {
			return System.getProperty("os.arch");
		}
	}

	/**
	 * Format a duration in nanoseconds as milliseconds with one decimal, as the report
	 * tables show them.
	 * @param nanos the duration
	 * @return the milliseconds, such as {@code 1,234.5}
	 */
	public static String millis(long nanos) {
		return String.format(Locale.ROOT, "%,.1f", nanos / 1e6);
	}

	/**
	 * Format a duration in nanoseconds as whole microseconds, as the latency tables show
	 * them.
	 * @param nanos the duration
	 * @return the microseconds, such as {@code 1,234}
	 */
	public static String micros(long nanos) {
		return String.format(Locale.ROOT, "%,.0f", nanos / 1000.0);
	}

}
