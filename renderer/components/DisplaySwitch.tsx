/**
 * The top bar's language and amount-unit pickers. Their captions are for screen readers and the tooltip only:
 * the chosen value (中文, 万元) says what each is, and the bar must fit 1280 px in both languages.
 */
import { useTranslation } from 'react-i18next';
import { AMOUNT_SCALES, isAmountScale } from '../../core/i18n/amounts';
import { isLang, LANGS } from '../../core/i18n/lang';
import { useDisplay } from '../i18n/DisplayContext';

export function DisplaySwitch() {
  const { t } = useTranslation('app');
  const { lang, scale, setDisplay } = useDisplay();
  return (
    <>
      <label className="scenario-picker display-picker" title={t('display.languageHint')}>
        <span className="sr-only">{t('display.language')}</span>
        <select
          value={lang}
          data-testid="language-picker"
          onChange={(e) => {
            if (isLang(e.target.value)) setDisplay({ lang: e.target.value });
          }}
        >
          {LANGS.map((l) => (
            // Each language is named in itself, so it is not this screen's language.
            <option key={l} value={l} translate="no">
              {t(`common:language.${l}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="scenario-picker display-picker" title={t('display.scaleHint')}>
        <span className="sr-only">{t('display.scale')}</span>
        <select
          value={scale}
          data-testid="scale-picker"
          onChange={(e) => {
            if (isAmountScale(e.target.value)) setDisplay({ scale: e.target.value });
          }}
        >
          {AMOUNT_SCALES.map((s) => (
            <option key={s} value={s}>
              {t(`common:amountScale.${s}`)}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}
