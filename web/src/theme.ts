import { createTheme } from '@mantine/core';

// Hints go below the input so inputs side by side stay aligned whether or not they have a hint.
const hintBelow = { defaultProps: { inputWrapperOrder: ['label', 'input', 'description', 'error'] } };

export const theme = createTheme({
  primaryColor: 'blue',
  defaultRadius: 'sm',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif, "Apple Color Emoji", "Segoe UI Emoji"',
  headings: { fontWeight: '700' },
  components: {
    Modal: { defaultProps: { overlayProps: { backgroundOpacity: 0.45, blur: 2 } } },
    Tooltip: { defaultProps: { openDelay: 300 } },
    TextInput: hintBelow,
    PasswordInput: hintBelow,
    Select: hintBelow,
    Textarea: hintBelow,
  },
});
