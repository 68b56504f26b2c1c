import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Button, Result } from 'antd';
import { t } from '../i18n';

interface Props {
  children: ReactNode;
}

interface State {
  error: Error | null;
}

/** Catches a crash inside one route so the rest of the app keeps working; 重试 renders it again. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('route crashed', error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <Result
        status="error"
        title={t('common.crashed')}
        subTitle={t('common.crashedHint')}
        extra={
          <Button type="primary" size="large" onClick={() => this.setState({ error: null })}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
}
