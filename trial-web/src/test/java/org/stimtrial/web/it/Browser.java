package org.stimtrial.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by its chromedriver, on the test server at 127.0.0.1 only: no background
 * networking, a fresh profile, a 1280x800 window. Saves a screenshot per step under
 * {@code target/browser-screenshots/}. Waits are conditions polled by Selenium, never fixed sleeps.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Arm names, codes and drugs of the demo study: none may appear on a page a blinded user sees. */
    private static final Pattern ARM_WORDS = Pattern.compile(
            "placebo|bupropion|modafinil|baclofen|acetylcysteine|\\bnac\\b", Pattern.CASE_INSENSITIVE);

    private final ChromeDriver driver;
    private final ChromeDriverService service;
    private final Path profile;
    private final Path shots;
    private final WebDriverWait wait;
    private int step;

    Browser(Path shots) throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("the browser tests need Debian's Chromium and ChromeDriver: "
                    + "apt-get install -y chromium chromium-driver (missing " + CHROMIUM + " or " + CHROMEDRIVER + ")");
        }
        this.shots = shots;
        Files.createDirectories(shots);
        profile = Files.createTempDirectory("stimtrial-chromium-");
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                .withLogFile(shots.resolve("chromedriver.log").toFile()).build();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run",
                "--disable-default-apps", "--disable-extensions", "--user-data-dir=" + profile,
                "--window-size=1280,800", "--lang=en-US");
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    void open(String path) {
        driver.get(PayaraMicroServer.baseUrl() + path);
    }

    WebElement find(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    /** Types into a text field (after clearing it), as a user would. */
    void type(String id, String text) {
        WebElement e = find(id);
        e.clear();
        e.sendKeys(text);
    }

    /** Sets a date or date-time input, whose typing order depends on the browser's locale. */
    void setValue(String id, String value) {
        WebElement e = find(id);
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", e, value);
    }

    void select(String id, String value) {
        new Select(find(id)).selectByValue(value);
    }

    void click(String id) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
    }

    /** Moves the focus out of a field with the keyboard (Tab), which runs the field's inline check. */
    void tabOut(String id) {
        find(id).sendKeys(org.openqa.selenium.Keys.TAB);
    }

    /** Waits until the element's text contains {@code text}; returns the text. */
    String waitForText(String id, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
        return driver.findElement(By.id(id)).getText();
    }

    /** Waits until the page body shows {@code text}. */
    void waitForPageText(String text) {
        wait.until(d -> d.findElement(By.tagName("body")).getText().contains(text));
    }

    String bodyText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    String source() {
        return driver.getPageSource();
    }

    String currentPath() {
        return driver.getCurrentUrl().substring(PayaraMicroServer.baseUrl().length());
    }

    Object script(String js) {
        return ((JavascriptExecutor) driver).executeScript(js);
    }

    void login(String user, String password) {
        open("/app/home.xhtml");
        type("username", user);
        type("password", password);
        click("signIn");
        waitForText("signedInAs", "(" + user + ")");
    }

    void logout() {
        click("signOut");
        waitForPageText("You are signed out");
    }

    /** Saves a screenshot named after the step. */
    void screenshot(String name) throws IOException {
        step++;
        Files.write(shots.resolve(String.format(Locale.ROOT, "%02d-%s.png", step, name)),
                driver.getScreenshotAs(OutputType.BYTES));
    }

    /** Fails if the page's markup (text, attributes, scripts) names an arm. */
    void assertNoArm(String page) {
        Matcher m = ARM_WORDS.matcher(source());
        assertTrue(!m.find(), page + " shows an arm word '" + (m.hitEnd() ? "" : m.group()) + "'");
    }

    /**
     * Fails unless every visible form field has a label (a {@code label for}, an enclosing label or an
     * aria-label) and the page needs no horizontal scrolling at the window's width.
     */
    void assertUsable(String page) {
        @SuppressWarnings("unchecked")
        List<String> unlabelled = (List<String>) script("return Array.from(document.querySelectorAll("
                + "'input:not([type=hidden]):not([type=submit]):not([type=button]), select, textarea'))"
                + ".filter(e => e.offsetParent !== null)"
                + ".filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')"
                + " && !e.getAttribute('aria-labelledby')).map(e => e.id || e.name);");
        assertEquals(List.of(), unlabelled, page + ": fields without a label");
        Number overflow = (Number) script("return document.documentElement.scrollWidth - window.innerWidth;");
        assertTrue(overflow.intValue() <= 0, page + " scrolls sideways by " + overflow + " px at "
                + driver.manage().window().getSize());
    }

    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            service.stop();
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
