package org.virtlab.experiment.exercise;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.virtlab.engine.model.HostSpec;
import org.virtlab.engine.model.VmSpec;
import org.virtlab.text.Bundles;
import org.virtlab.text.CpuDerivationText;

/** Renders exercises in English or Simplified Chinese: the question, the answer, the worked steps. */
public final class ExerciseText {
    private final Locale locale;
    private final ResourceBundle texts;

    public ExerciseText(Locale locale) {
        this.locale = locale;
        this.texts = Bundles.load(ExerciseText.class, "exercise", locale);
    }

    public String question(Exercise e) {
        return format(e.question());
    }

    public String answer(Exercise e) {
        return format(e.answerText());
    }

    /** The worked answer: the generator's steps, then the CPU derivation the engine produced, if any. */
    public List<String> worked(Exercise e) {
        List<String> out = new ArrayList<>();
        for (Line l : e.worked()) {
            out.add(format(l));
        }
        if (e.derivation() != null && e.scenario() != null) {
            CpuDerivationText d = new CpuDerivationText(locale,
                    id -> e.scenario().vm(id).map(VmSpec::name).orElse(id));
            String host = e.scenario().host(e.derivation().hostId()).map(HostSpec::name).orElse("");
            out.addAll(d.lines(e.derivation(), host));
        }
        return out;
    }

    /** How a typed answer was judged, with the tolerance for numbers. */
    public String verdict(Exercise e, Answer.Verdict v) {
        switch (v) {
            case RIGHT:
                return format(Line.of("check.right"));
            case WRONG:
                return e.answer() instanceof Answer.Numbers n && n.tolerance() > 0
                        ? format(Line.of("check.wrongNumbers", tolerance(n)))
                        : format(Line.of("check.wrong"));
            default:
                return format(hint(e));
        }
    }

    /** What may be typed: the numbers' count and order, yes or no, or the choices. */
    public Line hint(Exercise e) {
        Answer a = e.answer();
        if (a instanceof Answer.Numbers n && n.tolerance() == 0 && n.values().size() == 1) {
            return Line.of("hint.whole");
        }
        if (a instanceof Answer.Numbers n) {
            return Line.of(n.values().size() == 1 ? "hint.number" : "hint.numbers", n.values().size(), tolerance(n));
        }
        if (a instanceof Answer.Choice c) {
            return Line.of("hint.choice", String.join(" / ", c.choices()));
        }
        return Line.of("hint.yesNo");
    }

    public String hintText(Exercise e) {
        return format(hint(e));
    }

    /** The tolerance of a numeric answer: {@code ±0.05 GHz}. */
    public String tolerance(Answer.Numbers n) {
        return "±" + new java.math.BigDecimal(n.tolerance()).round(new java.math.MathContext(3)).stripTrailingZeros()
                .toPlainString() + (n.unit().isEmpty() ? "" : " " + n.unit());
    }

    public String format(Line line) {
        Object[] args = new Object[line.args().size()];
        for (int i = 0; i < args.length; i++) {
            args[i] = render(line.args().get(i));
        }
        return new MessageFormat(texts.getString(line.key()), Locale.ROOT).format(args);
    }

    private String render(Object arg) {
        if (arg instanceof Line l) {
            return format(l);
        }
        if (arg instanceof List<?> list) {
            List<String> parts = new ArrayList<>();
            for (Object o : list) {
                parts.add(render(o));
            }
            return String.join(texts.getString("sep"), parts);
        }
        return String.valueOf(arg);
    }
}
