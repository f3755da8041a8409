/** The 3-vintage × 4-month history worked on paper in handChecked.test.ts. */
export const HAND_HISTORY = `loan_id,as_of_month,origination_date,original_balance,current_balance,days_past_due,status,charge_off_amount,recovery_amount
A1,2023-02,2023-01-10,1000,900,0,current,,
A2,2023-02,2023-01-20,2000,1800,0,正常,,
B1,2023-03,2023-02-05,500,450,0,current,,
B2,2023-03,2023-02-06,1500,1400,0,current,,
A1,2023-03,2023-01-10,1000,800,0,current,,
A2,2023-03,2023-01-20,2000,0,0,提前还清,,
C1,2023-04,2023-03-15,1200,1100,0,current,,
B1,2023-04,2023-02-05,500,400,45,逾期,,
B2,2023-04,2023-02-06,1500,1300,0,current,,
A1,2023-04,2023-01-10,1000,700,15,delinquent,,
C1,2023-05,2023-03-15,1200,1000,0,current,,
B1,2023-05,2023-02-05,500,400,75,delinquent,,
B2,2023-05,2023-02-06,1500,1200,0,current,,
A1,2023-05,2023-01-10,1000,0,0,charged off,700,100
C1,2023-06,2023-03-15,1200,0,0,核销,,
B1,2023-06,2023-02-05,500,350,0,current,,
B2,2023-06,2023-02-06,1500,1100,0,current,,
C1,2023-07,2023-03-15,1200,0,0,核销,,250
`;
