package org.stimtrial.analysis.model;

import java.util.ArrayList;
import java.util.List;
import org.stimtrial.analysis.AnalysisException;

/**
 * Parses {@code y ~ a*b + c + a:c + (1 + x | g) + (0 + z | g)} with {@code 1}, {@code 0}, {@code -1},
 * {@code factor(x)} and {@code (x || g)}-free lme4 syntax. Variable names are letters, digits, {@code _} and
 * {@code .}, or {@code factor(name)}.
 */
final class FormulaParser {
    private final String text;
    private int pos;

    FormulaParser(String text) {
        this.text = text == null ? "" : text;
    }

    Formula parse() {
        int tilde = text.indexOf('~');
        if (tilde < 0) {
            throw error("a formula needs '~' between the response and the terms");
        }
        pos = 0;
        skip();
        String response = name();
        skip();
        if (pos != tilde) {
            throw error("the response must be a single column name");
        }
        pos = tilde + 1;
        boolean intercept = true;
        List<Term> fixed = new ArrayList<>();
        List<RandomTerm> random = new ArrayList<>();
        boolean negate = false;
        while (true) {
            skip();
            if (pos >= text.length()) {
                throw error("a term is missing at the end");
            }
            if (peek('(')) {
                if (negate) {
                    throw error("a random term cannot be removed with '-'");
                }
                random.add(randomTerm());
            } else if (peek('0') || peek('1') && !isNameChar(at(pos + 1))) {
                boolean one = text.charAt(pos) == '1';
                pos++;
                intercept = one != negate;
            } else {
                List<Term> product = product();
                if (negate) {
                    fixed.removeIf(t -> product.stream().anyMatch(p -> p.sameVariablesAs(t.variables())));
                } else {
                    fixed.addAll(product);
                }
            }
            skip();
            if (pos >= text.length()) {
                break;
            }
            char op = text.charAt(pos++);
            if (op == '+') {
                negate = false;
            } else if (op == '-') {
                negate = true;
            } else {
                throw error("expected '+' or '-' but found '" + op + "'");
            }
        }
        return new Formula(response, intercept, Formula.ordered(fixed), random);
    }

    private RandomTerm randomTerm() {
        pos++;
        boolean intercept = true;
        List<Term> terms = new ArrayList<>();
        boolean first = true;
        while (true) {
            skip();
            if (!first) {
                char op = text.charAt(pos);
                if (op == '|') {
                    break;
                }
                if (op != '+') {
                    throw error("inside a random term, expected '+' or '|' but found '" + op + "'");
                }
                pos++;
                skip();
            }
            first = false;
            if (peek('0') || peek('1') && !isNameChar(at(pos + 1))) {
                intercept = text.charAt(pos) == '1';
                pos++;
            } else if (peek('-')) {
                pos++;
                skip();
                if (!peek('1')) {
                    throw error("only '-1' may be removed inside a random term");
                }
                pos++;
                intercept = false;
            } else {
                terms.addAll(product());
            }
            skip();
            if (pos >= text.length()) {
                throw error("a random term is not closed: missing '| group)'");
            }
        }
        pos++;
        skip();
        if (peek('|')) {
            throw error("'||' (uncorrelated shorthand) is not supported: write (1|g) + (0+x|g)");
        }
        String group = name();
        skip();
        if (!peek(')')) {
            throw error("a random term must end with ')' after the grouping factor");
        }
        pos++;
        return new RandomTerm(intercept, Formula.ordered(terms), group);
    }

    private List<Term> product() {
        List<List<String>> factors = new ArrayList<>();
        factors.add(interaction());
        while (true) {
            skip();
            if (!peek('*')) {
                break;
            }
            pos++;
            factors.add(interaction());
        }
        List<Term> terms = new ArrayList<>();
        int n = factors.size();
        for (int mask = 1; mask < (1 << n); mask++) {
            List<String> vars = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if ((mask & (1 << i)) != 0) {
                    for (String v : factors.get(i)) {
                        if (!vars.contains(v)) {
                            vars.add(v);
                        }
                    }
                }
            }
            terms.add(new Term(vars));
        }
        return Formula.ordered(terms);
    }

    private List<String> interaction() {
        List<String> vars = new ArrayList<>();
        skip();
        vars.add(name());
        while (true) {
            skip();
            if (!peek(':')) {
                return vars;
            }
            pos++;
            skip();
            vars.add(name());
        }
    }

    private String name() {
        int start = pos;
        while (pos < text.length() && isNameChar(text.charAt(pos))) {
            pos++;
        }
        if (start == pos) {
            throw error("expected a column name");
        }
        String name = text.substring(start, pos);
        if (name.equals("factor") && peek('(')) {
            pos++;
            skip();
            String inner = name();
            skip();
            if (!peek(')')) {
                throw error("factor( must be closed with ')'");
            }
            pos++;
            return "factor(" + inner + ")";
        }
        return name;
    }

    private boolean peek(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private char at(int i) {
        return i < text.length() ? text.charAt(i) : ' ';
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.';
    }

    private void skip() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private AnalysisException error(String message) {
        return new AnalysisException("Formula '" + text + "': " + message + " (at position " + pos + ")");
    }
}
