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
import org.openqa.selenium.WebDriver;
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

    private final Path downloads;

    Browser(Path shots) throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("the browser tests need Debian's Chromium and ChromeDriver: "
                    + "apt-get install -y chromium chromium-driver (missing " + CHROMIUM + " or " + CHROMEDRIVER + ")");
        }
        this.shots = shots;
        Files.createDirectories(shots);
        profile = Files.createTempDirectory("stimtrial-chromium-");
        downloads = Files.createDirectories(shots.resolve("downloads")).toAbsolutePath();
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                .withLogFile(shots.resolve("chromedriver.log").toFile()).build();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run",
                "--disable-default-apps", "--disable-extensions", "--user-data-dir=" + profile,
                "--window-size=1280,800", "--lang=en-US");
        options.setExperimentalOption("prefs", java.util.Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        driver = new ChromeDriver(service, options);
        driver.executeCdpCommand("Browser.setDownloadBehavior", java.util.Map.of("behavior", "allow",
                "downloadPath", downloads.toString()));
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

    /** Clicks an element once it is clickable; an element replaced by an ajax update meanwhile is looked up again. */
    void click(String id) {
        wait.until(d -> {
            try {
                WebElement e = d.findElement(By.id(id));
                if (!e.isDisplayed() || !e.isEnabled()) {
                    return false;
                }
                e.click();
                return true;
            } catch (org.openqa.selenium.StaleElementReferenceException
                     | org.openqa.selenium.ElementClickInterceptedException e) {
                return false;
            }
        });
        waitForAjax();
    }

    /**
     * Waits until PrimeFaces has no queued ajax request left (a button's or a field's; the run page's poll is
     * asynchronous and not queued) and the page has loaded.
     */
    void waitForAjax() {
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return document.readyState === 'complete' && (!window.PrimeFaces || !PrimeFaces.ajax"
                        + " || PrimeFaces.ajax.Queue.isEmpty());")));
    }

    /** Moves the focus out of a field with the keyboard (Tab), which runs the field's inline check. */
    void tabOut(String id) {
        find(id).sendKeys(org.openqa.selenium.Keys.TAB);
        waitForAjax();
    }

    /** Waits until the element's text contains {@code text}; returns the text. */
    String waitForText(String id, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
        return driver.findElement(By.id(id)).getText();
    }

    /** Waits up to {@code seconds} until the element's text contains {@code text} (for slow work like a model run). */
    void waitLongForText(String id, String text, int seconds) {
        new WebDriverWait(driver, Duration.ofSeconds(seconds)).until(d -> textOf(d, By.id(id)).contains(text));
    }

    /**
     * Waits until the page body shows {@code text}. The body read may belong to the page being left (a click that
     * navigates replaces it), so a replaced or missing body counts as "not yet".
     */
    void waitForPageText(String text) {
        wait.until(d -> textOf(d, By.tagName("body")).contains(text));
    }

    /** The element's text, or nothing while the element is missing or being replaced by a new page. */
    private static String textOf(WebDriver d, By by) {
        try {
            return d.findElement(by).getText();
        } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException e) {
            return "";
        }
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

    /** Signs out from the dashboard (any page of the frame would do; an error page has no frame). */
    void logout() {
        open("/app/home.xhtml");
        click("signOut");
        waitForPageText("You are signed out");
    }

    /** Clicks a download button and waits until the browser has saved the file whose name ends so. */
    Path download(String buttonId, String nameEnding) throws IOException {
        try (var before = Files.list(downloads)) {
            before.filter(p -> p.getFileName().toString().endsWith(nameEnding)).forEach(p -> p.toFile().delete());
        }
        click(buttonId);
        return wait.until(d -> {
            try (var files = Files.list(downloads)) {
                return files.filter(p -> p.getFileName().toString().endsWith(nameEnding)).findFirst().orElse(null);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** Fails if a downloaded workbook names an arm in any cell or sheet name. */
    static void assertNoArm(Path workbook) throws IOException {
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(Files.newInputStream(workbook))) {
            for (var sheet : book) {
                assertTrue(!ARM_WORDS.matcher(sheet.getSheetName()).find(), sheet.getSheetName());
                for (var row : sheet) {
                    for (var cell : row) {
                        String text = cell.toString();
                        assertTrue(!ARM_WORDS.matcher(text).find(), workbook.getFileName() + " sheet "
                                + sheet.getSheetName() + " cell " + cell.getAddress() + ": " + text);
                    }
                }
            }
        }
    }

    /** Types the absolute path of a file into a file input, as choosing the file does. */
    void chooseFile(String id, Path file) {
        driver.findElement(By.id(id)).sendKeys(file.toAbsolutePath().toString());
    }

    void scrollToTop() {
        script("window.scrollTo(0, 0);");
    }

    /** Saves a screenshot named after the step. */
    void screenshot(String name) throws IOException {
        step++;
        Files.write(shots.resolve(String.format(Locale.ROOT, "%02d-%s.png", step, name)),
                driver.getScreenshotAs(OutputType.BYTES));
    }

    /** Fails if the page's markup (text, attributes, scripts) names an arm. */
    void assertNoArm(String page) {
        assertNoArm(page, source());
    }

    /** Fails if {@code text} (a page, a downloaded file) names an arm. */
    static void assertNoArm(String what, String text) {
        Matcher m = ARM_WORDS.matcher(text);
        assertTrue(!m.find(), what + " shows an arm word '" + (m.hitEnd() ? "" : m.group()) + "'");
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
