/** The top bar's language and amount-unit pickers. */
import { useTranslation } from 'react-i18next';
import { AMOUNT_SCALES, isAmountScale } from '../../core/i18n/amounts';
import { isLang, LANGS } from '../../core/i18n/lang';
import { useDisplay } from '../i18n/DisplayContext';

export function DisplaySwitch() {
  const { t } = useTranslation('app');
  const { lang, scale, setDisplay } = useDisplay();
  return (
    <>
      <label className="scenario-picker" title={t('display.languageHint')}>
        {t('display.language')}
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
      <label className="scenario-picker" title={t('display.scaleHint')}>
        {t('display.scale')}
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
