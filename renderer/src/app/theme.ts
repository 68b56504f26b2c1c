import type { ThemeConfig } from 'antd';

/** A deep party red that keeps white text readable on buttons, on calm neutral surfaces; text a size up for older eyes. */
export const PRIMARY_RED = '#b3202a';

/** Focus rings in a calm blue: a red ring on the field being typed in would read as an error. */
const FOCUS_BLUE = '#2f6fb0';
const focus = { activeBorderColor: FOCUS_BLUE, hoverBorderColor: '#6f9bc8', activeShadow: '0 0 0 2px rgba(47, 111, 176, 0.15)' };

export const theme: ThemeConfig = {
  token: {
    colorPrimary: PRIMARY_RED,
    colorLink: PRIMARY_RED,
    colorInfo: '#1f6fb2',
    colorBgLayout: '#f4f2ef',
    colorTextBase: '#1f1f1f',
    fontSize: 16,
    borderRadius: 6,
    controlHeight: 38,
    fontFamily:
      "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', system-ui, sans-serif",
  },
  components: {
    Layout: { headerBg: '#ffffff', headerHeight: 64, headerPadding: '0 20px', siderBg: '#ffffff' },
    Menu: { itemHeight: 52, iconSize: 20, itemSelectedBg: '#fbeaea', itemMarginInline: 8 },
    Table: { headerBg: '#f7f5f2', cellPaddingBlock: 12 },
    Form: { labelFontSize: 16, verticalLabelPadding: '0 0 6px' },
    Input: focus,
    InputNumber: focus,
    Select: { activeBorderColor: FOCUS_BLUE, hoverBorderColor: '#6f9bc8', activeOutlineColor: 'rgba(47, 111, 176, 0.15)' },
    DatePicker: focus,
  },
};
