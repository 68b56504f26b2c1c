import { useMemo, useState } from 'react';
import { Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { t } from '../../i18n';
import { ApplicationDrawer } from './applications/ApplicationDrawer';
import { ApplicationFormDialog } from './applications/ApplicationFormDialog';
import { ApplicationsTab } from './applications/ApplicationsTab';
import { CardDrawer } from './cardList/CardDrawer';
import { CardsTab } from './cardList/CardsTab';
import { ReviewDueTab } from './cardList/ReviewDueTab';
import { CardsNavContext, type CardsNav } from './cardsNav';
import { CardFaceModal } from './face/CardFaceModal';
import { HouseholdDrawer } from './households/HouseholdDrawer';
import { HouseholdFormDialog } from './households/HouseholdFormDialog';
import { HouseholdsTab } from './households/HouseholdsTab';
import './cards.css';

const TABS = ['applications', 'households', 'cards', 'reviewDue'] as const;
type TabKey = (typeof TABS)[number];

/** 爱心卡: applications and their review, the households, the cards, and the cards due for the yearly review. */
export default function CardsPage() {
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab') as TabKey | null;
  const tab: TabKey = asked && TABS.includes(asked) ? asked : 'applications';
  const [householdId, setHouseholdId] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ id: string | null } | null>(null);
  const [applicationId, setApplicationId] = useState<string | null>(null);
  const [applyFor, setApplyFor] = useState<{ householdId: string | null } | null>(null);
  const [cardId, setCardId] = useState<string | null>(null);
  const [printId, setPrintId] = useState<string | null>(null);

  const nav = useMemo<CardsNav>(
    () => ({
      openHousehold: setHouseholdId,
      editHousehold: (id) => setEditing({ id }),
      openApplication: setApplicationId,
      newApplication: (id) => setApplyFor({ householdId: id }),
      openCard: setCardId,
      printCard: setPrintId,
    }),
    [],
  );

  return (
    <CardsNavContext.Provider value={nav}>
      <div>
        <div className="page-title">
          <Typography.Title level={2}>{t('cardsPage.title')}</Typography.Title>
        </div>
        <Tabs
          size="large"
          activeKey={tab}
          onChange={(key) => setParams({ tab: key }, { replace: true })}
          destroyOnHidden
          items={[
            { key: 'applications', label: t('cardsPage.tab.applications'), children: <ApplicationsTab /> },
            { key: 'households', label: t('cardsPage.tab.households'), children: <HouseholdsTab /> },
            { key: 'cards', label: t('cardsPage.tab.cards'), children: <CardsTab /> },
            { key: 'reviewDue', label: t('cardsPage.tab.reviewDue'), children: <ReviewDueTab /> },
          ]}
        />
        {/* Later ones draw on top: a card opened from an application opened from a household. */}
        <HouseholdDrawer householdId={householdId} onClose={() => setHouseholdId(null)} />
        <ApplicationDrawer applicationId={applicationId} onClose={() => setApplicationId(null)} />
        <CardDrawer cardId={cardId} onClose={() => setCardId(null)} />
        <HouseholdFormDialog
          state={editing}
          onClose={() => setEditing(null)}
          onSaved={(id) => {
            setEditing(null);
            setHouseholdId(id);
          }}
        />
        <ApplicationFormDialog
          state={applyFor}
          onClose={() => setApplyFor(null)}
          onCreated={(id) => {
            setApplyFor(null);
            setApplicationId(id);
          }}
        />
        <CardFaceModal cardId={printId} onClose={() => setPrintId(null)} />
      </div>
    </CardsNavContext.Provider>
  );
}
